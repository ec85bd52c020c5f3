export type { InboxProcessor, InboxProcessorOptions } from "./processor.js";
export { createInboxProcessor } from "./processor.js";
export type { Receipt, ReceiveInput } from "./receive.js";
export { receiveWebhook } from "./receive.js";
export type { SignedHeaders, VerifyInput } from "./standard-webhooks.js";
export { generateSecret, signWebhook, verifyWebhook } from "./standard-webhooks.js";
