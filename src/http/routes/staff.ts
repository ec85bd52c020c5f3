/**
 * @module http/routes/staff
 * `GET /api/centers/{center}/staff/credentials?format=json|csv&room=`: every staff member's
 * required credentials with their status on the center's date, as data or an inspector's CSV.
 * `…/timecards/exceptions`, `POST …/timecards/corrections` and `…/timecards/payroll`: the
 * platform's timecards checked under the center's labour pack, fixes proposed as director-only
 * payroll corrections, and the pay period's payroll sheet.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { AppError } from "../../errors/index.js";
import { staff as staffRules } from "../../rules/index.js";
import {
  correctionsByTimecard,
  credentialReportSchema,
  fetchTimecardInputs,
  payrollSheetSchema,
  proposeTimecardCorrections,
} from "../../staff/index.js";
import { getCenter } from "../../storage/directory.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const credentialsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/staff/credentials",
  tags: ["Staff"],
  summary: "Staff credential status: each required credential, its dates, status and source",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: z.object({
      format: z.enum(["json", "csv"]).default("json"),
      room: z.string().min(1).optional().describe("Only staff whose home room this is"),
    }),
  },
  responses: {
    200: {
      description: "The credential report",
      content: {
        "application/json": { schema: credentialReportSchema },
        "text/csv": { schema: z.string() },
      },
    },
    404: {
      description: "Unknown center",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

const rangeQuery = z.object({
  from: z.iso.date().describe("First local date of the period"),
  to: z.iso.date().describe("Last local date (inclusive)"),
});
const errors = {
  400: { description: "Bad range", content: { "application/json": { schema: errorBodySchema } } },
  404: {
    description: "Unknown center",
    content: { "application/json": { schema: errorBodySchema } },
  },
  502: {
    description: "The platform could not be read",
    content: { "application/json": { schema: errorBodySchema } },
  },
} as const;

const exceptionWithApprovalSchema = staffRules.timecardExceptionSchema.extend({
  /** Payroll-correction approvals of the timecard the correction is for. */
  approvals: z.array(z.object({ id: z.number().int(), state: z.string() })),
});

const exceptionsRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/timecards/exceptions",
  tags: ["Staff"],
  summary: "Timecard exceptions against scheduled shifts under the center's labour pack",
  request: { params: z.object({ center: z.string().min(1) }), query: rangeQuery },
  responses: {
    200: {
      description: "Exceptions with their evidence",
      content: {
        "application/json": {
          schema: z.object({
            centerId: z.string(),
            from: z.iso.date(),
            to: z.iso.date(),
            laborPack: z.string(),
            exceptions: z.array(exceptionWithApprovalSchema),
            notes: z.array(z.string()),
          }),
        },
      },
    },
    ...errors,
  },
});

const correctionsRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/timecards/corrections",
  tags: ["Staff"],
  summary: "Propose each mechanical timecard fix as a payroll correction for a director to approve",
  request: { params: z.object({ center: z.string().min(1) }), query: rangeQuery },
  responses: {
    200: {
      description: "One entry per proposed fix: its approval, or why none was proposed",
      content: {
        "application/json": {
          schema: z.object({
            proposals: z.array(
              z.object({
                exception: staffRules.timecardExceptionSchema,
                approvalId: z.number().int().nullable(),
                state: z.string().nullable(),
                skipped: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    ...errors,
  },
});

const payrollRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/timecards/payroll",
  tags: ["Staff"],
  summary: "Payroll-ready hours for a pay period, with exceptions resolved or listed",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: rangeQuery.extend({ format: z.enum(["json", "csv"]).default("json") }),
  },
  responses: {
    200: {
      description: "The payroll sheet",
      content: {
        "application/json": { schema: payrollSheetSchema },
        "text/csv": { schema: z.string() },
      },
    },
    ...errors,
  },
});

export function registerStaffRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  app.openapi(credentialsRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { format, room } = c.req.valid("query");
    const report = await ctx.offload.run("staffCredentials", {
      centerId: center,
      at: ctx.clock(),
      roomId: room,
      format,
    });
    if (!report) throw new AppError("not_found", `unknown center "${center}"`, { field: "center" });
    if (room !== undefined && !report.roomIds.includes(room)) {
      throw new AppError("not_found", `unknown room "${room}"`, { field: "room" });
    }
    if (format === "csv") {
      return c.body(report.body, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="staff-credentials-${center}-${report.asOf}.csv"`,
      });
    }
    return c.body(report.body, 200, { "content-type": "application/json" });
  });

  const fetchedFor = async (centerId: string, from: string, to: string) => {
    const center = getCenter(ctx.db, centerId);
    if (!center) {
      throw new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
    }
    const client = ctx.platformFor?.(center.id);
    if (!client) {
      throw new AppError("platform_error", `no platform client serves center "${centerId}"`, {});
    }
    // The platform calls are I/O on this loop; the check runs on the offload pool.
    const fetched = await fetchTimecardInputs(client, center, from, to);
    return { center, from, to, asOf: ctx.clock(), fetched };
  };
  const checked = async (centerId: string, from: string, to: string) =>
    ctx.offload.run("timecardCheck", await fetchedFor(centerId, from, to));

  app.openapi(exceptionsRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to } = c.req.valid("query");
    const check = await checked(center, from, to);
    const approvals = correctionsByTimecard(ctx.db, check.center.id);
    return c.json(
      {
        centerId: check.center.id,
        from,
        to,
        laborPack: check.report.laborPack,
        exceptions: check.report.exceptions.map((e) => ({
          ...e,
          approvals: e.correction ? (approvals.get(e.correction.timecardId) ?? []) : [],
        })),
        notes: [...check.notes, ...check.report.notApplied],
      },
      200,
    );
  });

  app.openapi(correctionsRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to } = c.req.valid("query");
    const check = await checked(center, from, to);
    const proposals = proposeTimecardCorrections(ctx.db, check, ctx.wallClock().toISOString());
    return c.json({ proposals }, 200);
  });

  app.openapi(payrollRoute, async (c) => {
    const { center } = c.req.valid("param");
    const { from, to, format } = c.req.valid("query");
    const input = await fetchedFor(center, from, to);
    const { sheet, csv } = await ctx.offload.run("payroll", { ...input, format });
    if (csv !== null) {
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="payroll-${center}-${from}-${to}.csv"`,
      });
    }
    return c.json(sheet, 200);
  });
}
