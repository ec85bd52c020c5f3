/**
 * @module platforms/procare
 * The Procare adapter: its webhook schema and mapper, and a client factory.
 */
import type { PlatformAdapter } from "../types.js";
import { createProcareClient } from "./client.js";
import { mapWebhook } from "./mapper.js";
import { webhookWire } from "./wire.js";

export type { ProcareCheckIn, ProcareCheckOut, ProcareClient } from "./client.js";
export { createProcareClient } from "./client.js";

export const procareAdapter: PlatformAdapter = {
  provider: "procare",
  webhookSchema: webhookWire,
  mapWebhook,
  createClient: createProcareClient,
};
