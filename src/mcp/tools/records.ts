/**
 * @module mcp/tools/records
 * The record side: open alerts, pending approvals (read-only summaries), attendance summaries,
 * expiring staff credentials and a room's ratio history for a day.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { addDays, instantToZoned, zonedDateTimeToInstant } from "../../domain/time.js";
import { listOpenAlerts } from "../../storage/alerts.js";
import { listApprovals } from "../../storage/approvals.js";
import { listEvents } from "../../storage/attendance.js";
import { listChildren, listRooms, listStaff } from "../../storage/directory.js";
import { listHistory } from "../../storage/ratio.js";
import {
  peopleLabels,
  requireCenter,
  requireRoom,
  run,
  type ToolEnv,
  ToolError,
} from "../context.js";

const readOnly = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;
const centerId = z.string().min(1).max(128).describe("A center id from list_centers");
const date = z.iso.date();

export const APPROVALS_NOTE =
  "Read-only: a person decides in the web app (or POST /api/approvals/{id}/decision), seeing the content it hashes.";

/** `child:<id>` / `staff:<id>` subjects as the caller may see them (pseudonyms for some roles). */
function subjectLabel(subject: string | null, labels: ReturnType<typeof peopleLabels>) {
  if (subject === null) return null;
  const [type, id] = subject.split(":", 2) as [string, string | undefined];
  if (id === undefined) return labels.names ? subject : null;
  if (type === "child") return labels.child(id);
  if (type === "staff") return labels.staff(id);
  return labels.names ? subject : type;
}

export function registerRecordTools(server: McpServer, env: ToolEnv): void {
  server.registerTool(
    "open_alerts",
    {
      title: "Open alerts",
      description: "A center's ratio alerts that are not resolved yet, worst first.",
      inputSchema: { centerId },
      outputSchema: {
        centerId: z.string(),
        alerts: z.array(
          z.object({
            id: z.number().int(),
            roomId: z.string(),
            roomName: z.string(),
            kind: z.string(),
            severity: z.string(),
            state: z.string(),
            roomStatus: z.string(),
            openedAt: z.string(),
            acknowledgedAt: z.string().nullable(),
            escalationLevel: z.number().int(),
          }),
        ),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        requireCenter(env, args.centerId);
        const alerts = listOpenAlerts(env.deps.db, args.centerId).map((a) => ({
          id: a.id,
          roomId: a.roomId,
          roomName: a.roomName,
          kind: a.kind,
          severity: a.severity,
          state: a.state,
          roomStatus: a.roomStatus,
          openedAt: a.openedAt,
          acknowledgedAt: a.acknowledgedAt,
          escalationLevel: a.escalationLevel,
        }));
        return { centerId: args.centerId, alerts };
      }),
  );

  server.registerTool(
    "pending_approvals",
    {
      title: "Pending approvals",
      description:
        "Summaries of drafts waiting for a person's approval at a center, oldest first " +
        "(read-only: this cannot approve). `summary` is the draft's title for roles that may see " +
        "names; otherwise the kind and room, and people appear as pseudonyms.",
      inputSchema: { centerId },
      outputSchema: {
        centerId: z.string(),
        approvals: z.array(
          z.object({
            id: z.number().int(),
            kind: z.string(),
            summary: z.string(),
            roomId: z.string().nullable(),
            about: z.string().nullable(),
            draftSource: z.enum(["model", "template"]),
            createdAt: z.string(),
            expiresAt: z.string().nullable(),
          }),
        ),
        note: z.string(),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        requireCenter(env, args.centerId);
        const labels = peopleLabels(env, args.centerId);
        const rooms = new Map(listRooms(env.deps.db, args.centerId).map((r) => [r.id, r.name]));
        const rows = listApprovals(env.deps.db, {
          centerIds: [args.centerId],
          states: ["pending"],
        });
        const approvals = rows
          .map((row) => ({
            id: row.id,
            kind: row.kind,
            // Titles are written from the draft and may name people; only name-seeing roles get them.
            summary: labels.names
              ? row.title
              : `${row.kind.replaceAll("_", " ")}${row.roomId ? ` in ${rooms.get(row.roomId) ?? row.roomId}` : ""}`,
            roomId: row.roomId,
            about: subjectLabel(row.subject, labels),
            draftSource: row.draftSource,
            createdAt: row.createdAt,
            expiresAt: row.expiresAt,
          }))
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
        return { centerId: args.centerId, approvals, note: APPROVALS_NOTE };
      }),
  );

  server.registerTool(
    "attendance_summary",
    {
      title: "Attendance summary",
      description:
        "Attendance events of one child or one room over a range of the center's local dates " +
        "(inclusive, at most 92 days): counts by event type and by day.",
      inputSchema: {
        centerId,
        childId: z.string().min(1).max(128).optional().describe("A child id (give this or roomId)"),
        roomId: z.string().min(1).max(128).optional().describe("A room id (give this or childId)"),
        from: date.describe("First local date, YYYY-MM-DD"),
        to: date.describe("Last local date, YYYY-MM-DD (inclusive)"),
      },
      outputSchema: {
        centerId: z.string(),
        subject: z.object({ kind: z.enum(["child", "room"]), id: z.string(), label: z.string() }),
        from: z.string(),
        to: z.string(),
        events: z.number().int(),
        byType: z.record(z.string(), z.number().int()),
        byDate: z.record(z.string(), z.number().int()),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        const center = requireCenter(env, args.centerId);
        if ((args.childId === undefined) === (args.roomId === undefined)) {
          throw new ToolError("give exactly one of childId and roomId");
        }
        if (args.to < args.from) throw new ToolError("`to` is before `from`");
        if (addDays(args.from, 92) <= args.to) throw new ToolError("at most 92 days at a time");
        let subject: { kind: "child" | "room"; id: string; label: string };
        if (args.roomId !== undefined) {
          const room = requireRoom(env, args.centerId, args.roomId);
          subject = { kind: "room", id: room.id, label: room.name };
        } else {
          const childId = args.childId as string;
          if (listChildren(env.deps.db, args.centerId, [childId]).length === 0) {
            throw new ToolError(`child "${childId}" is unknown in center "${args.centerId}"`);
          }
          subject = {
            kind: "child",
            id: childId,
            label: peopleLabels(env, args.centerId).child(childId),
          };
        }
        const fromAt = zonedDateTimeToInstant(args.from, "00:00", center.timeZone).toISOString();
        const toAt = zonedDateTimeToInstant(
          addDays(args.to, 1),
          "00:00",
          center.timeZone,
        ).toISOString();
        const events = listEvents(env.deps.db, args.centerId, fromAt, toAt).filter((e) =>
          subject.kind === "room" ? e.roomId === subject.id : e.subjectId === subject.id,
        );
        const byType: Record<string, number> = {};
        const byDate: Record<string, number> = {};
        for (const e of events) {
          byType[e.type] = (byType[e.type] ?? 0) + 1;
          const day = instantToZoned(new Date(e.occurredAt), center.timeZone).date;
          byDate[day] = (byDate[day] ?? 0) + 1;
        }
        return {
          centerId: args.centerId,
          subject,
          from: args.from,
          to: args.to,
          events: events.length,
          byType,
          byDate,
        };
      }),
  );

  server.registerTool(
    "expiring_credentials",
    {
      title: "Expiring staff credentials",
      description:
        "Staff credentials (CPR, first aid, background checks…) that expire within the next N days " +
        "of the center's local date, and any already expired, soonest first.",
      inputSchema: { centerId, days: z.number().int().min(0).max(366).default(30) },
      outputSchema: {
        centerId: z.string(),
        today: z.string(),
        through: z.string(),
        credentials: z.array(
          z.object({
            staff: z.string(),
            role: z.string(),
            type: z.string(),
            expiresOn: z.string(),
            expired: z.boolean(),
          }),
        ),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        const center = requireCenter(env, args.centerId);
        const labels = peopleLabels(env, args.centerId);
        const today = instantToZoned(env.deps.clock(), center.timeZone).date;
        const through = addDays(today, args.days);
        const credentials = listStaff(env.deps.db, args.centerId)
          .flatMap((s) =>
            s.credentials
              .filter((c) => c.expiresOn !== null && c.expiresOn <= through)
              .map((c) => ({
                staff: labels.staff(s.id),
                role: s.role,
                type: c.type,
                expiresOn: c.expiresOn as string,
                expired: (c.expiresOn as string) < today,
              })),
          )
          .sort((a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : 0));
        return { centerId: args.centerId, today, through, credentials };
      }),
  );

  server.registerTool(
    "ratio_history",
    {
      title: "Ratio history of a room",
      description:
        "Every change of a room's ratio status on one local day, with the cause and the explanation.",
      inputSchema: {
        centerId,
        roomId: z.string().min(1).max(128),
        date: date.optional().describe("Local date; default: today at the center"),
      },
      outputSchema: {
        centerId: z.string(),
        roomId: z.string(),
        date: z.string(),
        changes: z.array(
          z.object({
            at: z.string(),
            status: z.string(),
            previousStatus: z.string().nullable(),
            cause: z.string(),
            reasons: z.array(z.string()),
            explanation: z.array(z.string()),
          }),
        ),
      },
      annotations: readOnly,
    },
    (args) =>
      run(() => {
        const center = requireCenter(env, args.centerId);
        requireRoom(env, args.centerId, args.roomId);
        const day = args.date ?? instantToZoned(env.deps.clock(), center.timeZone).date;
        const from = zonedDateTimeToInstant(day, "00:00", center.timeZone).toISOString();
        const to = zonedDateTimeToInstant(addDays(day, 1), "00:00", center.timeZone).toISOString();
        const changes = listHistory(env.deps.db, args.centerId, args.roomId, from, to).map((h) => {
          const evaluation = h.evaluation as { reasons?: string[]; explanation?: string[] };
          return {
            at: h.at,
            status: h.status,
            previousStatus: h.previousStatus,
            cause: h.cause,
            reasons: evaluation.reasons ?? [],
            explanation: evaluation.explanation ?? [],
          };
        });
        return { centerId: args.centerId, roomId: args.roomId, date: day, changes };
      }),
  );
}
