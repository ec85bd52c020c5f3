/**
 * @module platforms/http
 * The shared HTTP client every platform adapter builds on.
 */
export type { HttpClient, PostOptions, Query, WithDate } from "./client.js";
export {
  collectCursorPages,
  collectNumberedPages,
  createHttpClient,
  createRecord,
  encodeBody,
} from "./client.js";
export type { DirectorySources, Paging, PlatformApi } from "./platform-api.js";
export { createPlatformApi, fetchDirectoryRecords } from "./platform-api.js";
