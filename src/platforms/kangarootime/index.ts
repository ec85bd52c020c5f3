/**
 * @module platforms/kangarootime
 * The Kangarootime adapter: its webhook schema and mapper, and a client factory.
 */
import type { PlatformAdapter } from "../types.js";
import { createKangarootimeClient } from "./client.js";
import { mapWebhook } from "./mapper.js";
import { webhookWire } from "./wire.js";

export type {
  KangarootimeCheckIn,
  KangarootimeCheckOut,
  KangarootimeClient,
  KangarootimeClientOptions,
} from "./client.js";
export { createKangarootimeClient } from "./client.js";

export const kangarootimeAdapter: PlatformAdapter = {
  provider: "kangarootime",
  webhookSchema: webhookWire,
  mapWebhook,
  createClient: createKangarootimeClient,
};
