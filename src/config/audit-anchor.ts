/**
 * @module config/audit-anchor
 * Where the audit anchors go: `AUDIT_ANCHOR_PATH`, or by default a file beside the data directory
 * (`./data` → `./data-audit-anchors.jsonl`), never inside it, so a copy or a wipe of the data
 * directory does not take the evidence with it.
 */
import { dirname, relative, resolve } from "node:path";

export function defaultAnchorPath(databasePath: string): string {
  return `${resolve(dirname(databasePath))}-audit-anchors.jsonl`;
}

export function anchorPathFor(config: {
  DATABASE_PATH: string;
  AUDIT_ANCHOR_PATH?: string | undefined;
}): string {
  return config.AUDIT_ANCHOR_PATH
    ? resolve(config.AUDIT_ANCHOR_PATH)
    : defaultAnchorPath(config.DATABASE_PATH);
}

/** Whether `path` lies inside the directory holding the database. */
export function insideDataDirectory(path: string, databasePath: string): boolean {
  const rel = relative(resolve(dirname(databasePath)), resolve(path));
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith("/");
}
