export { type BackupResult, backupDatabase, scheduledBackup } from "./backup.js";
export type { Db, Store } from "./db.js";
export { inTransaction, openDatabase, openDatabaseReadOnly } from "./db.js";
