import assert from "node:assert/strict";
import { createDatabase, type Database } from "./src/db.ts";
import { migrate } from "./src/migrate.ts";
import { MIGRATIONS } from "./src/migrations.ts";

function atVersion2(names: string[]): Database {
  const db = createDatabase();
  migrate(db, 2);
  for (const name of names) db.tables.users.push({ name, active: true });
  return db;
}

export const cases: Record<string, () => void | Promise<void>> = {
  "migrates a new database to version 3": () => {
    const db = createDatabase();
    assert.equal(migrate(db), 3);
    assert.equal(db.version, 3);
    assert.deepEqual(db.tables, { users: [] });
  },
  "version 3 renames name to full_name": () => {
    const db = atVersion2(["Ada Lovelace", "Alan Turing"]);
    assert.equal(migrate(db), 1);
    assert.deepEqual(db.tables.users.map((u) => u.full_name), ["Ada Lovelace", "Alan Turing"]);
    assert.ok(db.tables.users.every((u) => !("name" in u)));
  },
  "version 3 adds email_verified = false and keeps other columns": () => {
    const db = atVersion2(["Ada"]);
    db.tables.users[0].id = 7;
    migrate(db);
    assert.deepEqual(db.tables.users, [{ id: 7, full_name: "Ada", active: true, email_verified: false }]);
  },
  "the migration list is ordered and ends at 3": () => {
    assert.deepEqual(MIGRATIONS.map((m) => m.version), [1, 2, 3]);
  },
  "migrating stops at a target version": () => {
    const db = createDatabase();
    assert.equal(migrate(db, 2), 2);
    assert.equal(db.version, 2);
    assert.equal(migrate(db, 2), 0);
    assert.equal(migrate(db, 3), 1);
    assert.equal(db.version, 3);
  },
  "an up-to-date database is left alone": () => {
    const db = atVersion2(["Ada"]);
    migrate(db);
    const before = structuredClone(db);
    assert.equal(migrate(db), 0);
    assert.deepEqual(db, before);
  },
  "a target below the current version throws": () => {
    const db = createDatabase();
    migrate(db);
    assert.throws(() => migrate(db, 2), /version 3/);
    assert.equal(db.version, 3);
  },
  "an empty users table migrates cleanly": () => {
    const db = atVersion2([]);
    assert.equal(migrate(db), 1);
    assert.deepEqual(db.tables.users, []);
  },
  "target 0 on a new database does nothing": () => {
    const db = createDatabase();
    assert.equal(migrate(db, 0), 0);
    assert.deepEqual(db, { version: 0, tables: {} });
  },
};
