/**
 * @module sandbox/api-common
 * What both fake platform APIs share: the state they read, JSON errors with a reason, the two
 * pagination styles with deliberately small pages (so clients must page), query checks, and the
 * write path (validate with the platform's request schema, check references, record once).
 */
import type { Context } from "hono";
import type { z } from "zod";
import type { Provider } from "../domain/index.js";
import { fromZodError } from "../errors/index.js";
import type { Outbox, OutboxKind } from "./outbox.js";
import type { SandboxTruth } from "./truth.js";
import type { SandboxDelivery } from "./webhooks.js";
import { type SandboxWorld, type SimCenter, worldIndex } from "./world.js";

/** Small on purpose: a 60-child center needs three pages, so pagination bugs show. */
export const PAGE_SIZE = 25;

/** The sandbox state an API reads and writes. */
export interface SandboxApiSource {
  readonly world: SandboxWorld;
  readonly apiKey: string;
  now(): Date;
  readonly truth: SandboxTruth;
  /** Retained played deliveries (withheld ones too: the platform knows what happened). */
  played(): readonly SandboxDelivery[];
  readonly outbox: Outbox;
}

type ErrorStatus = 400 | 401 | 404 | 409;

export const fail = (c: Context, status: ErrorStatus, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

/** Procare style: `{ data, next_cursor }`, `?cursor=` opaque. */
export function cursorPage<T>(c: Context, items: readonly T[]) {
  const raw = c.req.query("cursor");
  let offset = 0;
  if (raw) {
    const decoded = /^o:(\d+)$/.exec(Buffer.from(raw, "base64url").toString("utf8"));
    if (!decoded) return fail(c, 400, "bad_request", "cursor is not one this API issued");
    offset = Number(decoded[1]);
  }
  const end = offset + PAGE_SIZE;
  return c.json({
    data: items.slice(offset, end),
    next_cursor: end < items.length ? Buffer.from(`o:${end}`).toString("base64url") : null,
  });
}

/** Kangarootime style: `{ items, page, total_pages }`, `?page=` from 1. */
export function numberedPage<T>(c: Context, items: readonly T[]) {
  const raw = c.req.query("page") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(raw)) {
    return fail(c, 400, "bad_request", "page must be a positive integer");
  }
  const page = Number(raw);
  return c.json({
    items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    page,
    total_pages: Math.ceil(items.length / PAGE_SIZE),
  });
}

/** The center named by `id` when it exists on `provider`, else the 400/404 to return. */
export function centerFor(
  c: Context,
  source: SandboxApiSource,
  provider: Provider,
  id: string | undefined,
  param = "center_id",
): SimCenter | Response {
  if (!id) return fail(c, 400, "bad_request", `${param} is required`);
  const center = worldIndex(source.world).centers.get(id);
  if (!center || center.provider !== provider) {
    return fail(c, 404, "not_found", `no ${provider} center ${id}`);
  }
  return center;
}

export function requireDate(c: Context, name = "date"): string | Response {
  const value = c.req.query(name);
  if (!value) return fail(c, 400, "bad_request", `${name} is required (YYYY-MM-DD)`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    return fail(c, 400, "bad_request", `${name} must be a YYYY-MM-DD date`);
  }
  return value;
}

interface WriteSpec<S extends z.ZodType> {
  provider: Provider;
  kind: OutboxKind | ((body: z.infer<S>) => OutboxKind);
  schema: S;
  /** Reference checks after the shape is valid: a message means 404. */
  check(body: z.infer<S>): string | null;
  /** Recorded with the body: what the path names (e.g. the timecard being corrected). */
  pathParams?: Record<string, string>;
}

/** Validates, checks references, records once, and answers with the platform's `createdWire`. */
export async function handleWrite<S extends z.ZodType>(
  c: Context,
  source: SandboxApiSource,
  spec: WriteSpec<S>,
) {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return fail(c, 400, "bad_request", "body must be JSON");
  }
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    return fail(c, 400, "bad_request", fromZodError(parsed.error, "bad_request").message);
  }
  const body = parsed.data as z.infer<S>;
  const missing = spec.check(body);
  if (missing) return fail(c, 404, "not_found", missing);
  const result = source.outbox.record(
    {
      provider: spec.provider,
      kind: typeof spec.kind === "function" ? spec.kind(body) : spec.kind,
      body: { ...spec.pathParams, ...(body as Record<string, unknown>) },
      idempotencyKey: c.req.header("idempotency-key") ?? null,
    },
    source.now(),
  );
  if (!result.ok) return fail(c, 409, "conflict", result.reason);
  return c.json(
    { id: result.entry.id, created_at: result.entry.createdAt },
    result.replayed ? 200 : 201,
  );
}

/** Reference checks for records named by a write, inside one center. */
export function missingRefs(
  world: SandboxWorld,
  centerId: string,
  refs: { childId?: string; roomId?: string; familyId?: string; staffId?: string },
): string | null {
  const index = worldIndex(world);
  const center = index.centers.get(centerId);
  if (!center) return `no center ${centerId}`;
  if (refs.familyId !== undefined && index.families.get(refs.familyId)?.centerId !== centerId) {
    return `no family ${refs.familyId} in center ${centerId}`;
  }
  if (refs.staffId !== undefined && index.staff.get(refs.staffId)?.centerId !== centerId) {
    return `no staff ${refs.staffId} in center ${centerId}`;
  }
  if (refs.childId !== undefined && index.children.get(refs.childId)?.centerId !== centerId) {
    return `no child ${refs.childId} in center ${centerId}`;
  }
  if (refs.roomId !== undefined && index.rooms.get(refs.roomId)?.centerId !== centerId) {
    return `no room ${refs.roomId} in center ${centerId}`;
  }
  return null;
}
