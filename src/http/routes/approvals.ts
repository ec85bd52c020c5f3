/**
 * @module http/routes/approvals
 * The approvals queue over HTTP: list a center's approvals, read one with everything a reviewer
 * must see (content hash, draft, edit, exact platform call, context, where the draft came from),
 * decide on one, and bulk-approve low-risk ones. Every route needs a principal; an approval or
 * center the principal cannot see is a 404, exactly as if it did not exist.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  type ApprovalDeps,
  approvalKindSchema,
  approvalStateSchema,
  bulkApprove,
  decideApproval,
  decisionBodySchema,
  decisionDenial,
  defaultApprovalPolicy,
  draftSourceSchema,
  editableFields,
  platformCallSchema,
} from "../../approvals/index.js";
import { canSeeCenter, membershipAt, type Principal, principalOf } from "../../auth/index.js";
import { AppError } from "../../errors/index.js";
import { type ApprovalRow, getApproval, listApprovals } from "../../storage/approvals.js";
import { getCenter } from "../../storage/directory.js";
import { getOutbox } from "../../storage/outbox.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const json = z.record(z.string(), z.unknown());

export const approvalSummarySchema = z
  .object({
    id: z.number().int(),
    kind: approvalKindSchema,
    centerId: z.string(),
    roomId: z.string().nullable(),
    subject: z.string().nullable(),
    title: z.string(),
    state: approvalStateSchema,
    draftSource: draftSourceSchema.describe("`template` drafts were not written by the model"),
    contentHash: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ApprovalSummary" });

export const approvalDetailSchema = approvalSummarySchema
  .extend({
    decision: z
      .enum(["approved", "edited_and_approved", "rejected"])
      .nullable()
      .describe("What the reviewer decided (kept after the state moves on to executing/executed)"),
    draft: json.describe("The words as the model or template wrote them"),
    edited: json.nullable().describe("The reviewer's version of the editable fields, if edited"),
    editableFields: z.array(z.string()),
    platformCall: platformCallSchema
      .nullable()
      .describe("The exact platform write approval makes (with the edit applied)"),
    context: json.describe("Deterministic facts and source record ids behind the draft"),
    agentRunId: z.string().nullable(),
    promptId: z.string().nullable(),
    promptVersion: z.string().nullable(),
    triggerEventId: z.string().nullable(),
    decisionReason: z.string().nullable(),
    executedAt: z.string().nullable(),
    platformRecordId: z.string().nullable(),
    execution: z
      .object({
        outboxId: z.number().int(),
        status: z.string(),
        attempts: z.number().int(),
        nextAttemptAt: z.string(),
        lastError: z.string().nullable(),
      })
      .nullable()
      .describe("The outbox row making the platform call, once approved"),
    canDecide: z.boolean().describe("Whether the caller may decide on it now"),
    updatedAt: z.string(),
  })
  .meta({ id: "Approval" });

const errors = (what: string) => ({
  401: {
    description: "No principal",
    content: { "application/json": { schema: errorBodySchema } },
  },
  404: { description: what, content: { "application/json": { schema: errorBodySchema } } },
});

const listRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/approvals",
  tags: ["Approvals"],
  summary: "A center's approvals, newest first",
  request: {
    params: z.object({ center: z.string().min(1) }),
    query: z.object({
      state: approvalStateSchema.optional(),
      kind: approvalKindSchema.optional(),
      roomId: z.string().min(1).optional(),
    }),
  },
  responses: {
    200: {
      description: "The approvals matching the filters",
      content: {
        "application/json": {
          schema: z
            .object({ centerId: z.string(), approvals: z.array(approvalSummarySchema) })
            .meta({ id: "ApprovalList" }),
        },
      },
    },
    400: { description: "Bad query", content: { "application/json": { schema: errorBodySchema } } },
    ...errors("Unknown center, or one the caller cannot see"),
  },
});

const idParam = z.object({ id: z.coerce.number().int().positive() });

const getRoute = createRoute({
  method: "get",
  path: "/api/approvals/{id}",
  tags: ["Approvals"],
  summary: "One approval with everything a reviewer must see",
  request: { params: idParam },
  responses: {
    200: {
      description: "The approval",
      content: { "application/json": { schema: approvalDetailSchema } },
    },
    400: { description: "Bad id", content: { "application/json": { schema: errorBodySchema } } },
    ...errors("Unknown approval, or one the caller cannot see"),
  },
});

const decisionRoute = createRoute({
  method: "post",
  path: "/api/approvals/{id}/decision",
  tags: ["Approvals"],
  summary: "Approve (optionally edited) or reject, naming the content hash you saw",
  description:
    "Refused with 409 if the approval is no longer pending or its content hash differs from the " +
    "one sent; 403 if the caller's role may not decide on this kind. Approving an action with a " +
    "platform call queues it once; it is made in the background (state `executing`, then " +
    "`executed` or `failed`).",
  request: {
    params: idParam,
    body: { required: true, content: { "application/json": { schema: decisionBodySchema } } },
  },
  responses: {
    200: {
      description: "The approval after the decision",
      content: { "application/json": { schema: approvalDetailSchema } },
    },
    400: {
      description: "Bad body (e.g. a rejection without a reason, an edit the kind does not allow)",
      content: { "application/json": { schema: errorBodySchema } },
    },
    403: {
      description: "The caller's role may not decide on this kind",
      content: { "application/json": { schema: errorBodySchema } },
    },
    409: {
      description: "No longer pending, expired, or changed since it was shown",
      content: { "application/json": { schema: errorBodySchema } },
    },
    ...errors("Unknown approval, or one the caller cannot see"),
  },
});

const bulkRoute = createRoute({
  method: "post",
  path: "/api/approvals/bulk-approve",
  tags: ["Approvals"],
  summary: "Approve several low-risk approvals as shown, each checked on its own",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            items: z
              .array(
                z.object({
                  approvalId: z.number().int().positive(),
                  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
                }),
              )
              .min(1)
              .max(100),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "One result per item, in order",
      content: {
        "application/json": {
          schema: z.object({
            results: z.array(
              z.union([
                z.object({
                  approvalId: z.number().int(),
                  ok: z.literal(true),
                  state: approvalStateSchema,
                  outboxId: z.number().int().nullable(),
                }),
                z.object({
                  approvalId: z.number().int(),
                  ok: z.literal(false),
                  error: z.object({ code: z.string(), message: z.string() }),
                }),
              ]),
            ),
          }),
        },
      },
    },
    400: { description: "Bad body", content: { "application/json": { schema: errorBodySchema } } },
    401: {
      description: "No principal",
      content: { "application/json": { schema: errorBodySchema } },
    },
  },
});

function summary(row: ApprovalRow): z.infer<typeof approvalSummarySchema> {
  return {
    id: row.id,
    kind: row.kind,
    centerId: row.centerId,
    roomId: row.roomId,
    subject: row.subject,
    title: row.title,
    state: row.state,
    draftSource: row.draftSource,
    contentHash: row.contentHash,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    lastError: row.lastError,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

export function registerApprovalRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const deps: ApprovalDeps = { db: ctx.db, clock: ctx.clock, wallClock: ctx.wallClock };

  const visible = (principal: Principal, id: number): ApprovalRow => {
    const row = getApproval(ctx.db, id);
    if (!row || !canSeeCenter(principal, row.centerId)) {
      throw new AppError("not_found", `no approval ${id}`, { field: "id" });
    }
    return row;
  };

  const detail = (principal: Principal, row: ApprovalRow): z.infer<typeof approvalDetailSchema> => {
    const outbox = row.outboxId === null ? undefined : getOutbox(ctx.db, row.outboxId);
    const call = row.platformCall === null ? null : platformCallSchema.parse(row.platformCall);
    const decision =
      row.state === "rejected"
        ? "rejected"
        : row.decidedAt === null
          ? null
          : row.edited === null
            ? "approved"
            : "edited_and_approved";
    const denial = decisionDenial(
      defaultApprovalPolicy,
      principal,
      membershipAt(principal, row.centerId),
      row,
    );
    return {
      ...summary(row),
      decision,
      draft: row.draft,
      edited: row.edited,
      editableFields: editableFields({ draft: row.draft, platformCall: call }),
      platformCall: call,
      context: row.context,
      agentRunId: row.agentRunId,
      promptId: row.promptId,
      promptVersion: row.promptVersion,
      triggerEventId: row.triggerEventId,
      decisionReason: row.decisionReason,
      executedAt: row.executedAt,
      platformRecordId: row.platformRecordId,
      execution: outbox
        ? {
            outboxId: outbox.id,
            status: outbox.status,
            attempts: outbox.attempts,
            nextAttemptAt: outbox.nextAttemptAt,
            lastError: outbox.lastError,
          }
        : null,
      canDecide: row.state === "pending" && denial === null,
      updatedAt: row.updatedAt,
    };
  };

  app.openapi(listRoute, (c) => {
    const principal = principalOf(c);
    const { center: centerId } = c.req.valid("param");
    if (!canSeeCenter(principal, centerId) || !getCenter(ctx.db, centerId)) {
      throw new AppError("not_found", `unknown center "${centerId}"`, { field: "center" });
    }
    const { state, kind, roomId } = c.req.valid("query");
    const rows = listApprovals(ctx.db, {
      centerIds: [centerId],
      ...(state ? { states: [state] } : {}),
      ...(kind ? { kinds: [kind] } : {}),
      ...(roomId ? { roomId } : {}),
    });
    return c.json({ centerId, approvals: rows.map(summary) }, 200);
  });

  app.openapi(getRoute, (c) => {
    const principal = principalOf(c);
    return c.json(detail(principal, visible(principal, c.req.valid("param").id)), 200);
  });

  app.openapi(decisionRoute, (c) => {
    const principal = principalOf(c);
    const { id } = c.req.valid("param");
    const result = decideApproval(deps, principal, { ...c.req.valid("json"), approvalId: id });
    if (!result.ok) throw result.error;
    // Make the call now rather than at the next tick; the outbox records how it went.
    if (result.value.outboxId !== null) void ctx.alerting?.outbox.runDue();
    return c.json(detail(principal, result.value.approval), 200);
  });

  app.openapi(bulkRoute, (c) => {
    const principal = principalOf(c);
    const results = bulkApprove(deps, principal, c.req.valid("json").items);
    if (results.some((r) => r.ok && r.outboxId !== null)) void ctx.alerting?.outbox.runDue();
    return c.json({ results }, 200);
  });
}
