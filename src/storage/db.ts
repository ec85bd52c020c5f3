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

/**
 * The connection behind a database or any of its transactions: drizzle gives both the one session
 * over the one better-sqlite3 connection, so a statement prepared on it runs inside whatever
 * transaction is open.
 */
export function clientOf(store: Store): Database.Database {
  const client = (store as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error("not a better-sqlite3 drizzle database");
  return client;
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * `sql` prepared once per connection and reused: on the hot path, building and preparing each
 * query afresh cost more than running it.
 */
export function prepared(store: Store, sql: string): Database.Statement {
  const client = clientOf(store);
  let cache = statementCache.get(client);
  if (!cache) {
    cache = new Map();
    statementCache.set(client, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = client.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Like `inTransaction`, but committed with `synchronous=NORMAL`: no fsync of its own. For work
 * that can be redone from something already durable (projecting inbox rows, which stay `pending`
 * until this commits). A power cut can lose such a commit, never tear it (the WAL is
 * checksummed), and the next FULL commit on the connection fsyncs the WAL with every frame
 * before it, so nothing acted on outside the process (an alert's send, itself FULL) can outlive
 * the projection it came from.
 */
export function inRelaxedTransaction<T>(db: Db, fn: (tx: Store) => T): T {
  prepared(db, "PRAGMA synchronous = NORMAL").run();
  try {
    return inTransaction(db, fn);
  } finally {
    prepared(db, "PRAGMA synchronous = FULL").run();
  }
}

/**
 * Runs `fn` in a savepoint of the transaction `store` is in: if it throws, only its own writes are
 * undone and the error is rethrown.
 */
export function inSavepoint<T>(store: Store, fn: () => T): T {
  return clientOf(store).transaction(fn)();
}
