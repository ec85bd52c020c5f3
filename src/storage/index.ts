export type { Db, Store } from "./db.js";
export { inTransaction, openDatabase } from "./db.js";
