/**
 * @module http/routes/door
 * At the door: pick-up holds (list, a director's release), check-in exceptions (resolve), and the
 * attendance reports — the day's exceptions and the directors' patterns digest / weekly report —
 * as JSON, CSV or PDF.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { unknownCenter } from "../../auth/index.js";
import { evaluateCenter } from "../../compliance/index.js";
import { addDays, zonedDateTimeToInstant } from "../../domain/time.js";
import {
  exceptionResolutionSchema,
  exceptionsReportSchema,
  holdReleaseSchema,
  patternPeriodSchema,
  patternsReportSchema,
  releaseHold,
  resolveException,
} from "../../door/index.js";
import { getCenter } from "../../storage/directory.js";
import { listPickupHolds } from "../../storage/door.js";
import type { AppContext, AppEnv } from "../context.js";
import { documentedError } from "../errors.js";
import { reportContent, respondWithReport } from "./report-response.js";

const errors = (notFound: string) => ({
  400: documentedError("Bad input"),
  404: documentedError(notFound),
});
const centerParam = z.object({ center: z.string().min(1) });
const idParams = z.object({ center: z.string().min(1), id: z.coerce.number().int().positive() });

const holdSchema = z
  .object({
    id: z.number().int(),
    childId: z.string(),
    roomId: z.string().nullable(),
    eventId: z.string(),
    eventType: z.string(),
    occurredAt: z.string(),
    personName: z.string().nullable(),
    decision: z.enum(["not_authorized", "restricted", "unidentified"]),
    reason: z.string(),
    nearMatches: z.array(z.string()),
    state: z.enum(["open", "released"]),
    outcome: z.enum(["handed_over", "not_handed_over"]).nullable(),
    releasedBy: z.string().nullable(),
    releasedByName: z.string().nullable(),
    releasedAt: z.string().nullable(),
    releaseReason: z.string().nullable(),
  })
  .meta({ id: "PickupHold" });

const toHold = (h: z.input<typeof holdSchema>) => holdSchema.parse(h);

const listHoldsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/pickup-holds",
  tags: ["Door"],
  summary: "Pick-up holds: every open one, and the day's released ones when a date is given",
  request: {
    params: centerParam,
    query: z.object({ date: z.iso.date().optional().describe("A local day of the center") }),
  },
  responses: {
    200: {
      description: "Holds, oldest first",
      content: { "application/json": { schema: z.object({ holds: z.array(holdSchema) }) } },
    },
    ...errors("Unknown center"),
  },
});

/**
 * A POST that settles one numbered hold or exception, once: a second attempt is a 409, so two
 * people acting on the same record at the door cannot both succeed.
 */
const settleRoute = <B extends z.ZodType, R extends z.ZodType>(o: {
  path: string;
  summary: string;
  description?: string;
  body: B;
  result: { description: string; schema: R };
  forbidden?: string;
  alreadyDone: string;
  notFound: string;
}) =>
  createRoute({
    method: "post",
    path: o.path,
    tags: ["Door"],
    summary: o.summary,
    description: o.description,
    request: {
      params: idParams,
      body: { required: true, content: { "application/json": { schema: o.body } } },
    },
    responses: {
      200: {
        description: o.result.description,
        content: { "application/json": { schema: o.result.schema } },
      },
      ...(o.forbidden === undefined ? {} : { 403: documentedError(o.forbidden) }),
      409: documentedError(o.alreadyDone),
      ...errors(o.notFound),
    },
  });

const releaseRoute = settleRoute({
  path: "/api/centers/{center}/pickup-holds/{id}/release",
  summary: "A director releases a pick-up hold, with a reason (audited)",
  description:
    "Only a director may release. `handed_over` applies the held check-out (the child leaves live " +
    "state and ratio at the time the platform recorded); `not_handed_over` keeps the child present.",
  body: holdReleaseSchema,
  result: { description: "The released hold", schema: holdSchema },
  forbidden: "Not a director",
  alreadyDone: "Already released",
  notFound: "Unknown center or hold",
});

const resolveRoute = settleRoute({
  path: "/api/centers/{center}/checkin-exceptions/{id}/resolve",
  summary: "Mark a check-in exception resolved, saying how (audited)",
  body: exceptionResolutionSchema,
  result: {
    description: "The resolved exception",
    schema: z.object({
      id: z.number().int(),
      state: z.literal("resolved"),
      resolvedBy: z.string().nullable(),
      resolution: z.string().nullable(),
    }),
  },
  alreadyDone: "Already resolved",
  notFound: "Unknown center or exception",
});

const exceptionsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/reports/exceptions",
  tags: ["Reports"],
  summary: "Attendance exceptions for a day: every hold and check-in exception with its state",
  request: {
    params: centerParam,
    query: z.object({
      date: z.iso.date().describe("A local day of the center"),
      format: z.enum(["json", "csv", "pdf"]).default("json"),
    }),
  },
  responses: {
    200: { description: "The report", content: reportContent(exceptionsReportSchema) },
    ...errors("Unknown center"),
  },
});

const patternsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/reports/patterns",
  tags: ["Reports"],
  summary: "Attendance patterns: the daily digest or the weekly report for directors",
  request: {
    params: centerParam,
    query: z.object({
      date: z.iso.date().describe("The day (digest) or the last day of the week (report)"),
      period: patternPeriodSchema.default("day"),
      format: z.enum(["json", "csv", "pdf"]).default("json"),
    }),
  },
  responses: {
    200: { description: "The report", content: reportContent(patternsReportSchema) },
    ...errors("Unknown center"),
  },
});

export function registerDoorRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(listHoldsRoute, (c) => {
    const { center } = c.req.valid("param");
    const { date } = c.req.valid("query");
    const found = getCenter(ctx.db, center);
    if (!found) throw unknownCenter(center);
    const range = date
      ? {
          from: zonedDateTimeToInstant(date, "00:00", found.timeZone).toISOString(),
          to: zonedDateTimeToInstant(addDays(date, 1), "00:00", found.timeZone).toISOString(),
        }
      : { from: "", to: "" };
    const rows = listPickupHolds(ctx.db, center, range);
    return c.json({ holds: rows.map(toHold) }, 200);
  });

  app.openapi(releaseRoute, (c) => {
    const { center, id } = c.req.valid("param");
    if (!getCenter(ctx.db, center)) throw unknownCenter(center);
    const { hold, touched } = releaseHold(
      ctx.db,
      c.get("principal"),
      center,
      id,
      c.req.valid("json"),
      ctx.wallClock(),
    );
    const rooms = touched.get(center);
    if (rooms) {
      for (const change of evaluateCenter(ctx.db, center, ctx.clock(), rooms)) {
        ctx.events.emit("status", change);
      }
      ctx.events.emit("rooms", { centerId: center, roomIds: [...rooms.keys()] });
    }
    ctx.events.emit("alerts", {
      centerId: center,
      alertId: null,
      holdId: id,
      event: "hold_released",
    });
    return c.json(toHold(hold), 200);
  });

  app.openapi(resolveRoute, (c) => {
    const { center, id } = c.req.valid("param");
    if (!getCenter(ctx.db, center)) throw unknownCenter(center);
    const row = resolveException(
      ctx.db,
      c.get("principal"),
      center,
      id,
      c.req.valid("json"),
      ctx.wallClock(),
    );
    return c.json(
      {
        id: row.id,
        state: "resolved" as const,
        resolvedBy: row.resolvedByName,
        resolution: row.resolution,
      },
      200,
    );
  });

  app.openapi(exceptionsRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { date, format } = c.req.valid("query");
    return respondWithReport(c, ctx, format, `exceptions-${center}-${date}`, {
      report: "exceptions",
      centerId: center,
      date,
    });
  });

  app.openapi(patternsRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { date, period, format } = c.req.valid("query");
    return respondWithReport(c, ctx, format, `patterns-${period}-${center}-${date}`, {
      report: "patterns",
      centerId: center,
      period,
      date,
    });
  });
}
