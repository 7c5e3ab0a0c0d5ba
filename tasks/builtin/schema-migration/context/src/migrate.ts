import type { Database } from "./db.ts";
import { MIGRATIONS } from "./migrations.ts";

export function migrate(db: Database): number {
  let applied = 0;
  for (const migration of MIGRATIONS) {
    if (migration.version <= db.version) continue;
    migration.up(db);
    db.version = migration.version;
    applied++;
  }
  return applied;
}
