/**
 * @module sandbox/api-common
 * What both fake platform APIs share: the state they read, JSON errors with a reason, the two
 * pagination styles with deliberately small pages (so clients must page), query checks, and the
 * per-platform request handling (`platformRoutes`: centers and rooms a request names, who is in a
 * room, and the write path: validate with the platform's request schema, check references,
 * record once).
 */
import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { Provider } from "../domain/index.js";
import { fromZodError } from "../errors/index.js";
import type { Outbox, OutboxKind } from "./outbox.js";
import { type SimShift, shiftsOn } from "./schedule.js";
import type { SandboxTruth } from "./truth.js";
import type { SandboxDelivery } from "./webhooks.js";
import {
  type SandboxWorld,
  type SimCenter,
  type SimChild,
  type SimFamily,
  type SimRoom,
  type SimStaff,
  worldIndex,
} from "./world.js";

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
function centerFor(
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

/** The records a write names, all of which must exist inside `centerId`. */
type WriteRefs = {
  centerId: string;
  childId?: string;
  roomId?: string;
  familyId?: string;
  staffId?: string;
};

interface WriteSpec<S extends z.ZodType> {
  kind: OutboxKind | ((body: z.infer<S>) => OutboxKind);
  schema: S;
  /** What the valid body names; a center not on this platform or a missing record means 404. */
  refs(body: z.infer<S>): WriteRefs;
  /** Recorded with the body: what the path names (e.g. the timecard being corrected). */
  pathParams?: Record<string, string>;
}

type CenterHandler = (center: SimCenter, c: Context) => Response | Promise<Response>;

/**
 * The directory every platform serves, under its own paths, paging style and record shapes.
 * `paths.centers` also serves one center at `${centers}/:id`; `paths.rooms` names the center `:id`.
 */
export interface DirectoryRoutes {
  page: <T>(c: Context, items: readonly T[]) => Response;
  paths: Record<"centers" | "rooms" | "families" | "children" | "staff" | "schedules", string>;
  center(center: SimCenter): object;
  room(room: SimRoom): object;
  family(family: SimFamily): object;
  child(world: SandboxWorld, child: SimChild): object;
  staff(staff: SimStaff): object;
  shift(shift: SimShift): object;
}

/**
 * The request handling every route of one platform's API repeats, bound to that platform: finding
 * the center a request names (400 without one, 404 for another platform's), the room a path names,
 * the people in a room now, and the write path. The vendor files keep only their paths and shapes.
 */
export function platformRoutes(source: SandboxApiSource, provider: Provider) {
  const { world } = source;
  const centerIn = (c: Context, id: string | undefined, param?: string) =>
    centerFor(c, source, provider, id, param);
  const missingCenter = (centerId: string) =>
    worldIndex(world).centers.get(centerId)?.provider === provider
      ? null
      : `no ${provider} center ${centerId}`;

  /** A handler for the center in the path's `:id`. */
  const pathCenter = (handle: CenterHandler) => (c: Context) => {
    const found = centerIn(c, c.req.param("id"), "id");
    return found instanceof Response ? found : handle(found, c);
  };

  /** A handler for the center in the required `?center_id=`. */
  const queryCenter = (handle: CenterHandler) => (c: Context) => {
    const found = centerIn(c, c.req.query("center_id"));
    return found instanceof Response ? found : handle(found, c);
  };

  return {
    queryCenter,

    /** Serves the platform's centers, rooms, families, children, staff and schedules. */
    directory(app: Hono, d: DirectoryRoutes): void {
      app.get(d.paths.centers, (c) =>
        d.page(c, world.centers.filter((x) => x.provider === provider).map(d.center)),
      );
      app.get(
        `${d.paths.centers}/:id`,
        pathCenter((found, c) => c.json(d.center(found))),
      );
      app.get(
        d.paths.rooms,
        pathCenter((found, c) => d.page(c, found.rooms.map(d.room))),
      );
      app.get(
        d.paths.families,
        queryCenter((found, c) => d.page(c, found.families.map(d.family))),
      );
      app.get(
        d.paths.children,
        queryCenter((found, c) =>
          d.page(
            c,
            found.children.map((x) => d.child(world, x)),
          ),
        ),
      );
      app.get(
        d.paths.staff,
        queryCenter((found, c) => d.page(c, found.staff.map(d.staff))),
      );
      app.get(
        d.paths.schedules,
        queryCenter((found, c) => {
          const date = requireDate(c);
          if (date instanceof Response) return date;
          return d.page(c, shiftsOn(found, date).map(d.shift));
        }),
      );
    },
    /** The room named by `id` when it is in one of this platform's centers, else the 404. */
    room(c: Context, id: string): SimRoom | Response {
      const index = worldIndex(world);
      const room = index.rooms.get(id);
      return room && index.centers.get(room.centerId)?.provider === provider
        ? room
        : fail(c, 404, "not_found", `no ${provider} room ${id}`);
    },

    /** The children checked in to `room` now, with their directory records. */
    childrenIn(room: SimRoom) {
      const index = worldIndex(world);
      return source.truth
        .children(room.centerId)
        .filter((x) => x.roomId === room.id)
        .map((x) => ({ child: index.children.get(x.childId)!, checkedInAt: x.checkedInAt }));
    },

    /** The staff clocked in to `room` now (on break or not), with their directory records. */
    staffIn(room: SimRoom) {
      const index = worldIndex(world);
      return source.truth
        .staff(room.centerId)
        .filter((x) => x.roomId === room.id)
        .map((x) => ({
          staff: index.staff.get(x.staffId)!,
          onBreak: x.onBreak,
          clockedInAt: x.clockedInAt,
        }));
    },

    /** A write handler: validates, checks references, records once (see `handleWrite`). */
    write:
      <S extends z.ZodType>(spec: WriteSpec<S>) =>
      (c: Context) =>
        handleWrite(c, source, provider, spec, (body) => {
          const { centerId, ...refs } = spec.refs(body);
          return missingCenter(centerId) ?? missingRefs(world, centerId, refs);
        }),
  };
}

/** Validates, checks references, records once, and answers with the platform's `createdWire`. */
async function handleWrite<S extends z.ZodType>(
  c: Context,
  source: SandboxApiSource,
  provider: Provider,
  spec: WriteSpec<S>,
  missing: (body: z.infer<S>) => string | null,
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
  const notFound = missing(body);
  if (notFound) return fail(c, 404, "not_found", notFound);
  const result = source.outbox.record(
    {
      provider,
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
function missingRefs(
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
