/**
 * @module tools/propose
 * The model's only way to produce anything: each tool validates its input against the directory,
 * builds the exact platform call approval would make, and stores a pending approval through
 * `proposeApproval`. None of them can reach a platform write: they import no platform client, and
 * `test/tools-no-write.test.ts` scans this folder to keep it so. The write happens, once, in the approvals
 * executor after a person approves.
 */
import { z } from "zod";
import type { ToolContext, ToolResult } from "../src/agent/index.js";
import {
  type ApprovalKind,
  logEntrySchema,
  type PlatformCall,
  proposeApproval,
} from "../src/approvals/index.js";
import { dateSchema, idSchema, instantSchema } from "../src/domain/index.js";
import { draftDedupeKey } from "../src/drafting/keys.js";
import { severityAtLeast, severitySchema } from "../src/rules/index.js";
import { findAgentJob } from "../src/storage/agent-jobs.js";
import { listChildren, listFamilies, listRooms, listStaff } from "../src/storage/directory.js";
import { defineTool, fail, ok } from "./support.js";

interface ToolProposal {
  kind: ApprovalKind;
  /** Who or what the draft is about, for the dedupe key: a family, child, staff id or role. */
  target: string;
  roomId: string | null;
  subject: string | null;
  title: string;
  draft: Record<string, unknown>;
  platformCall: PlatformCall | null;
}

/** The deterministic facts of the run's job, if the run came from a drafting job. */
function jobFacts(ctx: ToolContext): Record<string, unknown> | null {
  if (ctx.triggerEventId === null) return null;
  const job = findAgentJob(ctx.db, {
    job: ctx.job,
    centerId: ctx.centerId,
    triggerEventId: ctx.triggerEventId,
  });
  return job?.input ?? null;
}

function store(ctx: ToolContext, p: ToolProposal, facts = jobFacts(ctx)): ToolResult {
  const factRoom = typeof facts?.roomId === "string" ? facts.roomId : null;
  const { row, created } = proposeApproval(
    ctx.db,
    {
      kind: p.kind,
      centerId: ctx.centerId,
      roomId: p.roomId ?? factRoom,
      subject: p.subject,
      title: p.title,
      draftSource: "model",
      draft: p.draft,
      platformCall: p.platformCall,
      context: { job: ctx.job, facts },
      dedupeKey: draftDedupeKey(
        ctx.job,
        ctx.centerId,
        ctx.triggerEventId ?? ctx.runId,
        p.kind,
        p.target,
      ),
      agentRunId: ctx.runId,
      promptId: ctx.prompt.id,
      promptVersion: ctx.prompt.version,
      triggerEventId: ctx.triggerEventId,
      expiresAt: null,
      actor: `agent:${ctx.runId}`,
    },
    ctx.wallNow().toISOString(),
  );
  const value = created
    ? { approvalId: row.id, state: row.state }
    : {
        approvalId: row.id,
        state: row.state,
        note: "A draft for this already exists; it was kept as it is. Do not propose it again.",
      };
  return ok(value, row.id);
}

const childOf = (ctx: ToolContext, id: string) => listChildren(ctx.db, ctx.centerId, [id])[0];

/** A message must go to a family of this center, about one of its own children. */
function checkFamily(ctx: ToolContext, familyId: string, childId: string | null) {
  if (!listFamilies(ctx.db, ctx.centerId, [familyId])[0]) {
    return fail("not_found", `familyId: no family "${familyId}" in this center`);
  }
  if (childId !== null && childOf(ctx, childId)?.familyId !== familyId) {
    return fail("invalid_input", `childId: "${childId}" is not a child of family "${familyId}"`);
  }
  return null;
}

const familyMessage = z.object({
  familyId: idSchema,
  childId: idSchema.nullable().describe("The child the message is about, or null"),
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(4000).describe("Plain text, signed by the center, not by a person"),
});

export const proposeFamilyMessage = defineTool({
  name: "propose_family_message",
  description:
    "Drafts a message to one family. It is NOT sent: it waits for the director's approval, who may edit or reject it. Returns the pending approval's id. One draft per family per job; a second call returns the first.",
  inputSchema: familyMessage,
  effect: "propose",
  handler(input, ctx) {
    const bad = checkFamily(ctx, input.familyId, input.childId);
    if (bad) return bad;
    const room = input.childId ? (childOf(ctx, input.childId)?.homeRoomId ?? null) : null;
    return store(ctx, {
      kind: "family_message",
      target: input.familyId,
      roomId: room,
      subject: input.childId ?? input.familyId,
      title: input.subject,
      draft: { ...input },
      platformCall: { centerId: ctx.centerId, op: "message.send", ...input },
    });
  },
});

export const proposeNote = defineTool({
  name: "propose_note",
  description:
    "Drafts a note on a child's record. It is NOT saved until a person approves it. Returns the pending approval's id.",
  inputSchema: z.object({ childId: idSchema, body: z.string().min(1).max(4000) }),
  effect: "propose",
  handler(input, ctx) {
    const child = childOf(ctx, input.childId);
    if (!child) return fail("not_found", `childId: no child "${input.childId}" in this center`);
    return store(ctx, {
      kind: "note",
      target: input.childId,
      roomId: child.homeRoomId,
      subject: input.childId,
      title: `Note: ${input.body.slice(0, 60)}`,
      draft: { ...input },
      platformCall: { centerId: ctx.centerId, op: "note.create", ...input },
    });
  },
});

export const proposeTask = defineTool({
  name: "propose_task",
  description:
    "Drafts a task for a staff member or a role (e.g. `director`). It is NOT created until a person approves it. Returns the pending approval's id.",
  inputSchema: z.object({
    title: z.string().min(1).max(200),
    description: z.string().max(4000),
    assignedTo: z.string().min(1).max(128).describe("A staff id or a role such as director"),
    dueDate: dateSchema.nullable(),
  }),
  effect: "propose",
  handler(input, ctx) {
    return store(ctx, {
      kind: "task",
      target: input.assignedTo,
      roomId: null,
      subject: input.assignedTo,
      title: input.title,
      draft: { ...input },
      platformCall: { centerId: ctx.centerId, op: "task.create", ...input },
    });
  },
});

export const proposeStaffReassignment = defineTool({
  name: "propose_staff_reassignment",
  description:
    "Drafts moving one staff member into a room at a given time, e.g. one of the coverage moves get_room_ratio lists. Nobody moves until a person approves it. Returns the pending approval's id.",
  inputSchema: z.object({
    staffId: idSchema,
    roomId: idSchema,
    at: instantSchema.describe("When the move should happen (ISO instant)"),
    reason: z.string().max(1000),
  }),
  effect: "propose",
  handler(input, ctx) {
    if (!listStaff(ctx.db, ctx.centerId, [input.staffId])[0]) {
      return fail("not_found", `staffId: no staff member "${input.staffId}" in this center`);
    }
    if (!listRooms(ctx.db, ctx.centerId).some((r) => r.id === input.roomId)) {
      return fail("not_found", `roomId: no room "${input.roomId}" in this center`);
    }
    return store(ctx, {
      kind: "staff_reassignment",
      target: input.staffId,
      roomId: input.roomId,
      subject: input.staffId,
      title: `Move ${input.staffId} to ${input.roomId}`,
      draft: { ...input },
      platformCall: { centerId: ctx.centerId, op: "staff.assign", ...input },
    });
  },
});

/** The incident job's facts the triage tool checks against (see drafting/jobs/incident-triage.ts). */
const incidentFacts = z.object({
  severityFloor: severitySchema,
  floorBecause: z.array(z.string()),
  children: z.array(z.object({ familyId: idSchema.nullable() })),
});

export const submitIncidentTriage = defineTool({
  name: "submit_incident_triage",
  description:
    "Submits your triage of the incident report: category, severity, a short factual summary for the director, who should see it, and a draft note to the family. Severity may be higher than the floor in the job facts, never lower (a lower one is refused). The family note goes only to the family of a child in the report. Nothing is sent until the director approves.",
  inputSchema: z.object({
    category: z.enum(["injury", "illness", "allergy", "behavior", "property", "other"]),
    severity: severitySchema,
    summary: z.string().min(1).max(2000).describe("For the director: what happened, facts only"),
    routing: z
      .array(z.enum(["director", "assistant_director", "lead_teacher", "licensing_report"]))
      .min(1),
    familyNote: familyMessage,
  }),
  effect: "propose",
  handler(input, ctx) {
    const facts = jobFacts(ctx);
    const incident = incidentFacts.safeParse(facts);
    if (!incident.success) {
      return fail("no_job", "this run has no incident job with a severity floor to check against");
    }
    const floor = incident.data.severityFloor;
    if (!severityAtLeast(input.severity, floor)) {
      return fail(
        "below_floor",
        `severity: "${input.severity}" is below the floor "${floor}" set by the report (${incident.data.floorBecause.join("; ")}); use "${floor}" or higher`,
      );
    }
    const note = input.familyNote;
    // Only the families of the children in the report: text in a report cannot widen who hears.
    if (!incident.data.children.some((c) => c.familyId === note.familyId)) {
      return fail(
        "invalid_input",
        `familyNote.familyId: "${note.familyId}" is not the family of a child in this incident`,
      );
    }
    const bad = checkFamily(ctx, note.familyId, note.childId);
    if (bad) return bad;
    return store(
      ctx,
      {
        kind: "incident_triage",
        target: note.familyId,
        roomId: null,
        subject: typeof facts?.incidentId === "string" ? facts.incidentId : ctx.triggerEventId,
        title: `Incident (${input.severity}, ${input.category}): ${input.summary.slice(0, 80)}`,
        draft: { ...input, severityFloor: floor },
        platformCall: { centerId: ctx.centerId, op: "message.send", ...note },
      },
      facts,
    );
  },
});

export const submitReviewSummary = defineTool({
  name: "submit_review_summary",
  description:
    "Submits the draft summary for a staff member's upcoming review: punctuality, credentials, incidents and observations, each stated from the facts given. It only records a draft for the director; nothing is sent anywhere.",
  inputSchema: z.object({
    staffId: idSchema,
    summary: z.string().min(1).max(4000),
    strengths: z.array(z.string().max(300)).max(10),
    toDiscuss: z.array(z.string().max(300)).max(10),
  }),
  effect: "propose",
  handler(input, ctx) {
    const person = listStaff(ctx.db, ctx.centerId, [input.staffId])[0];
    if (!person) return fail("not_found", `staffId: no staff member "${input.staffId}"`);
    return store(ctx, {
      kind: "review_summary",
      target: input.staffId,
      roomId: person.homeRoomId,
      subject: input.staffId,
      title: `Review summary: ${input.staffId}`,
      draft: { ...input },
      platformCall: null,
    });
  },
});

export const submitStructuredLog = defineTool({
  name: "submit_structured_log",
  description:
    "Submits a teacher's quick log as structured daily-log entries (nap, meal, diaper, activity) for one child, with start and end as ISO instants. Only what the text says: leave out anything it does not state. Nothing is saved until a person approves.",
  inputSchema: z.object({ childId: idSchema, entries: z.array(logEntrySchema).min(1).max(50) }),
  effect: "propose",
  handler(input, ctx) {
    const child = childOf(ctx, input.childId);
    if (!child) return fail("not_found", `childId: no child "${input.childId}" in this center`);
    return store(ctx, {
      kind: "structured_log",
      target: input.childId,
      roomId: child.homeRoomId,
      subject: input.childId,
      title: `Daily log: ${input.entries.length} entr${input.entries.length === 1 ? "y" : "ies"}`,
      draft: { ...input },
      platformCall: { centerId: ctx.centerId, op: "log.create", ...input },
    });
  },
});

export const proposeTools = [
  proposeFamilyMessage,
  proposeNote,
  proposeTask,
  proposeStaffReassignment,
  submitIncidentTriage,
  submitReviewSummary,
  submitStructuredLog,
];
