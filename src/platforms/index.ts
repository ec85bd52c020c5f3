/**
 * @module platforms
 * The platform adapters' public surface. Wire schemas stay inside each adapter's folder; import
 * them from there only when you must speak the wire (the sandbox does).
 */
export type {
  KangarootimeCheckIn,
  KangarootimeCheckOut,
  KangarootimeClient,
  KangarootimeClientOptions,
} from "./kangarootime/index.js";
export { createKangarootimeClient, kangarootimeAdapter } from "./kangarootime/index.js";
export type { ProcareCheckIn, ProcareCheckOut, ProcareClient } from "./procare/index.js";
export { createProcareClient, procareAdapter } from "./procare/index.js";
export { adapters, getAdapter } from "./registry.js";
export type {
  ClientOptions,
  DailyLogInput,
  Directory,
  FamilyMessageInput,
  MappedWebhook,
  NoteInput,
  PlatformAdapter,
  PlatformClient,
  Reference,
  StaffAssignmentInput,
  TaskInput,
  TimecardCorrectionInput,
} from "./types.js";
