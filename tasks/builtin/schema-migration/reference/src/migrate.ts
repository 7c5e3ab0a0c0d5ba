import type { Database } from "./db.ts";
import { MIGRATIONS } from "./migrations.ts";

export function migrate(db: Database, target = Infinity): number {
  if (target < db.version) {
    throw new Error(`cannot migrate down from version ${db.version} to ${target}`);
  }
  let applied = 0;
  for (const migration of MIGRATIONS) {
    if (migration.version <= db.version || migration.version > target) continue;
    migration.up(db);
    db.version = migration.version;
    applied++;
  }
  return applied;
}
