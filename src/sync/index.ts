export type { Drift } from "./diff.js";
export { diffPresence } from "./diff.js";
export { syncDirectory } from "./directory.js";
export type { ReconcileResult } from "./reconcile.js";
export { reconcileCenter } from "./reconcile.js";
