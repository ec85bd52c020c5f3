/**
 * @module cli/audit
 * `audit verify [--db path] [--anchor file]`: checks the hash chain and, with `--anchor`, that it is
 * the chain the service anchored (signed heads, key from AUDIT_ANCHOR_KEY): truncation, rewriting
 * with re-hashing, renumbering and appends while stopped; exit 0 when intact, 1 naming the first
 * broken entry or anchor mismatch. `audit export --from D --to D [--center id] --format csv|json [--out file] [--db path]`:
 * a date range for a licensing inspector (the center's local dates with `--center`, UTC dates
 * without), streamed to the file or stdout; exit 1 if the chain does not verify (the export is
 * still written, and the JSON says so). Usage errors and unreadable databases exit 2.
 *
 * The database is opened read-only and never migrated, so an inspector's copy is left unchanged.
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { z } from "zod";
import { type Anchor, checkAnchors, describeAnchorCheck, readAnchors } from "../audit/anchor.js";
import {
  auditCsv,
  auditJson,
  chunked,
  dayRange,
  exportFormatSchema,
  type VerifyResult,
  verifyAuditChain,
} from "../audit/index.js";
import { fromZodError } from "../errors/index.js";
import { auditHashAt, iterateAudit } from "../storage/audit.js";
import { getCenter } from "../storage/directory.js";
import { type Db, openDatabaseReadOnly } from "../storage/index.js";

export interface AuditCliIo {
  stdout: Writable;
  env: Record<string, string | undefined>;
}

/** What is left to say on stderr, and the exit code; results go to `io.stdout` or `--out`. */
export interface AuditCliResult {
  stderr: string;
  code: number;
}

const usage = `usage:
  audit verify [--db path] [--anchor file]   (--anchor needs AUDIT_ANCHOR_KEY)
  audit export --from YYYY-MM-DD --to YYYY-MM-DD [--center id] --format csv|json [--out file] [--db path]
--db defaults to DATABASE_PATH, else ./data/centerline.db`;

const fail = (message: string): AuditCliResult => ({ stderr: `${message}\n${usage}\n`, code: 2 });

function open(path: string): Db | string {
  try {
    return openDatabaseReadOnly(path);
  } catch (error) {
    return `--db: cannot open ${path}: ${(error as Error).message}`;
  }
}

/** One line for a person: OK with the count and last hash, or the first broken entry. */
export function describeVerification(result: VerifyResult): string {
  if (result.ok) {
    return `OK: ${result.entries} entries, last seq ${result.lastSeq}, last hash ${result.lastHash}`;
  }
  const b = result.firstBroken;
  return (
    `BROKEN at seq ${b.seq} (${b.action} at ${b.at}): ${b.reason}; expected ${b.expected}, ` +
    `found ${b.found}; ${result.checked} entries before it verified`
  );
}

/** Writes `chunks` to `out`, waiting whenever the stream asks it to. */
async function writeAll(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunked(chunks)) {
    if (!out.write(chunk)) await once(out, "drain");
  }
}

function verify(args: string[], io: AuditCliIo): AuditCliResult {
  let values: { db?: string | undefined; anchor?: string | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { db: { type: "string" }, anchor: { type: "string" } },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  let anchors: Anchor[] | undefined;
  if (values.anchor !== undefined) {
    const key = io.env.AUDIT_ANCHOR_KEY;
    if (!key) return fail("--anchor: set AUDIT_ANCHOR_KEY to the key the anchors were signed with");
    let text: string;
    try {
      text = readFileSync(values.anchor, "utf8");
    } catch (error) {
      return fail(`--anchor: cannot read ${values.anchor}: ${(error as Error).message}`);
    }
    const read = readAnchors(text, key);
    if (!read.ok) {
      io.stdout.write(`ANCHOR FILE REFUSED: ${read.error.message}\n`);
      return { stderr: "", code: 1 };
    }
    anchors = read.value;
  }
  const db = open(values.db ?? io.env.DATABASE_PATH ?? "./data/centerline.db");
  if (typeof db === "string") return fail(db);
  try {
    const result = verifyAuditChain(db);
    io.stdout.write(`${describeVerification(result)}\n`);
    if (!result.ok || !anchors) return { stderr: "", code: result.ok ? 0 : 1 };
    const check = checkAnchors(anchors, {
      lastSeq: result.lastSeq,
      hashAt: (seq) => auditHashAt(db, seq),
    });
    io.stdout.write(`${describeAnchorCheck(check)}\n`);
    return { stderr: "", code: check.ok ? 0 : 1 };
  } catch (error) {
    return fail(`cannot read the audit log: ${(error as Error).message}`);
  } finally {
    db.$client.close();
  }
}

const exportArgsSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  center: z.string().min(1).optional(),
  format: exportFormatSchema,
  out: z.string().min(1).optional(),
  db: z.string().min(1).optional(),
});

async function exportRange(args: string[], io: AuditCliIo): Promise<AuditCliResult> {
  let raw: Record<string, unknown>;
  try {
    const options = Object.fromEntries(
      ["from", "to", "center", "format", "out", "db"].map((k) => [k, { type: "string" as const }]),
    );
    raw = parseArgs({ args, options }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
  const parsed = exportArgsSchema.safeParse(raw);
  if (!parsed.success) return fail(`--${fromZodError(parsed.error, "bad_request").message}`);
  const opts = parsed.data;
  const db = open(opts.db ?? io.env.DATABASE_PATH ?? "./data/centerline.db");
  if (typeof db === "string") return fail(db);
  try {
    let timeZone = "UTC";
    if (opts.center !== undefined) {
      const center = getCenter(db, opts.center);
      if (!center) return fail(`--center: unknown center "${opts.center}"`);
      timeZone = center.timeZone;
    }
    const range = dayRange(opts.from, opts.to, timeZone, opts.center ?? null);
    if (!range.ok) return fail(`--${range.error.message}`);
    const chain = verifyAuditChain(db);
    const rows = iterateAudit(db, {
      centerId: opts.center,
      from: range.value.fromInstant,
      to: range.value.toInstant,
    });
    const chunks = opts.format === "csv" ? auditCsv(rows) : auditJson(range.value, chain, rows);
    if (opts.out === undefined) {
      await writeAll(io.stdout, chunks);
    } else {
      const file = createWriteStream(opts.out);
      await once(file, "open");
      await writeAll(file, chunks);
      file.end();
      await once(file, "finish");
    }
    const note = chain.ok
      ? ""
      : `warning: the audit chain does not verify: ${describeVerification(chain)}\n`;
    return { stderr: note, code: chain.ok ? 0 : 1 };
  } catch (error) {
    return fail(`export failed: ${(error as Error).message}`);
  } finally {
    db.$client.close();
  }
}

export async function runAuditCommand(args: string[], io: AuditCliIo): Promise<AuditCliResult> {
  const [sub, ...rest] = args;
  if (sub === "verify") return verify(rest, io);
  if (sub === "export") return exportRange(rest, io);
  return fail(sub ? `unknown audit command "${sub}"` : "audit: which command?");
}
