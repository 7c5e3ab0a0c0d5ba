import type { Database } from "./db.ts";

export interface Migration {
  version: number;
  up(db: Database): void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    up(db) {
      db.tables.users = [];
    },
  },
  {
    version: 2,
    up(db) {
      for (const row of db.tables.users) row.active = true;
    },
  },
];
