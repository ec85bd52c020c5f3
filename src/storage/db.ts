/**
 * @module storage/db
 * Opens the one SQLite file (WAL, busy timeout) and applies pending migrations.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { registerAuditHashFunction } from "./audit-hash.js";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Opens (creating if needed) the database at `path`, or an in-memory one for `:memory:`. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // FULL, not NORMAL: an acknowledged webhook must survive a power cut, not only a crash.
  sqlite.pragma("synchronous = FULL");
  registerAuditHashFunction(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

/**
 * Opens an existing database file for reading only, without applying migrations: for inspecting a
 * copy (e.g. `audit verify --db`) without changing it.
 */
export function openDatabaseReadOnly(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  return drizzle(sqlite, { schema });
}

/** The database or a transaction on it: repository functions take either. */
export type Store = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE, so concurrent writers queue, not fail). */
export function inTransaction<T>(db: Db, fn: (tx: Store) => T): T {
  return db.transaction(fn, { behavior: "immediate" });
}
