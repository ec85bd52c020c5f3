/**
 * @module audit/correlation
 * The correlation id of an audit entry is the triggering event's id, as the rest of the service
 * names events: `provider:event id` (the ratio history's `cause`, reconciliation's synthetic
 * events). Causes that are not events — the evaluation timer, start-up, a catch-up — have none.
 */
import { providerSchema } from "../domain/index.js";

/** `cause` when it names an event (`procare:evt_1`), else null (`timer`, `start-up`, …). */
export function correlationOf(cause: string | null | undefined): string | null {
  if (!cause) return null;
  const colon = cause.indexOf(":");
  if (colon <= 0 || colon === cause.length - 1) return null;
  return providerSchema.safeParse(cause.slice(0, colon)).success ? cause : null;
}
