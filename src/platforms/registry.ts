/**
 * @module platforms/registry
 * Every platform Centerline speaks to, by provider. Keyed by `Provider` so adding a platform to the
 * domain without registering its adapter here fails to compile.
 */
import type { Provider } from "../domain/index.js";
import { kangarootimeAdapter } from "./kangarootime/index.js";
import { procareAdapter } from "./procare/index.js";
import type { PlatformAdapter } from "./types.js";

export const adapters: Readonly<Record<Provider, PlatformAdapter>> = {
  procare: procareAdapter,
  kangarootime: kangarootimeAdapter,
};

export function getAdapter(provider: Provider): PlatformAdapter {
  return adapters[provider];
}
