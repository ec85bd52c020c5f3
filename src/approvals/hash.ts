/**
 * @module approvals/hash
 * The hash of what a reviewer is shown. A decision must carry it; if the item changed since the
 * page was rendered, the hashes differ and the decision is refused.
 */
import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface ReviewedContent {
  kind: string;
  draft: Record<string, unknown>;
  edited: Record<string, unknown> | null;
  platformCall: Record<string, unknown> | null;
}

export function contentHash(content: ReviewedContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
