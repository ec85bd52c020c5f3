/**
 * @module drafting/triggers
 * What puts a drafting job on the queue. The deterministic core decides (late and the fee, absent
 * without notice, the severity floor, a review coming due, a room nobody can cover); the job's
 * input is that decision as data. Every scan is idempotent: the dedupe key is one per (job,
 * subject, occasion), so scanning the same day again enqueues nothing new.
 */

import type { StatusChange } from "../compliance/index.js";
import { centerOutlook } from "../compliance/index.js";
import type { Center, DomainEvent } from "../domain/index.js";
import { addDays, instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import { buildPatternsReport } from "../door/patterns-report.js";
import { roomStates } from "../live/index.js";
import { assessLatePickup, decideAbsence, nextReview } from "../rules/index.js";
import { enqueueAgentJob, existingDedupeKeys } from "../storage/agent-jobs.js";
import { listEvents } from "../storage/attendance.js";
import { type Db, inTransaction } from "../storage/db.js";
import {
  listChildren,
  listFamilies,
  listRooms,
  listShifts,
  listStaff,
} from "../storage/directory.js";
import { listPresence } from "../storage/presence.js";
import { listHireDates } from "../storage/staff-records.js";
import {
  absenceInput,
  familySubject,
  fullName,
  incidentInput,
  latePickupInput,
  quickLogInput,
  ratioImpactFamily,
} from "./inputs.js";
import {
  type AttendancePatternInput,
  attendancePatternInputSchema,
} from "./jobs/attendance-pattern.js";
import type { LatePickupInput, RatioImpactInput } from "./jobs/index.js";
import { enqueueDirectorNotice } from "./notice.js";
import type { DraftingPolicy } from "./policy.js";
import { clockFor } from "./wording.js";

export interface EnqueuedJob {
  job: string;
  dedupeKey: string;
}

interface Scan {
  db: Db;
  center: Center;
  policy: DraftingPolicy;
  at: Date;
  localDate: string;
  localTime: string;
  /** Wall time: the queue's and the outbox's clocks. */
  now: string;
  events: ReturnType<typeof listEvents>;
  /** The center's directory, read on first use: a scan that finds nothing new never reads it. */
  children: () => Map<string, ReturnType<typeof listChildren>[number]>;
  families: () => Map<string, ReturnType<typeof listFamilies>[number]>;
  rooms: () => Map<string, ReturnType<typeof listRooms>[number]>;
  staff: () => Map<string, ReturnType<typeof listStaff>[number]>;
}

type JobInput = Record<string, unknown>;

/**
 * A job a scan may enqueue. The dedupe key is cheap to know; the input is built only when the key
 * is not queued yet (null: nothing to draft after all, e.g. a child with no family on file).
 */
interface Candidate {
  job: string;
  dedupeKey: string;
  triggerEventId: string;
  input: () => JobInput | null;
  /** Runs in the enqueue's transaction, only when the job is new. */
  onCreated?: (tx: Db, input: JobInput) => void;
}

/** Reads `load` once, on first call. */
function once<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: load() };
    return value.v;
  };
}

const eventId = (e: Scan["events"][number]) => `${e.provider}:${e.sourceEventId}:${e.seq}`;
/** A synthetic event from sync/reconcile.ts, stamped with the snapshot time (see its ids). */
const isReconciled = (e: Scan["events"][number]) => e.sourceEventId.startsWith("reconcile-");

/** A job whose dedupe key is also its trigger: scans of state rather than of one event. */
const keyed = (job: string, dedupeKey: string, input: () => JobInput | null): Candidate => ({
  job,
  dedupeKey,
  triggerEventId: dedupeKey,
  input,
});

/**
 * Enqueues the candidates not already queued. Scans repeat every tick and mostly find jobs queued
 * earlier, so one read picks out the new ones and only they are written, in one transaction; a
 * tick where nothing is new writes nothing.
 */
function enqueue(scan: Scan, candidates: readonly Candidate[]): EnqueuedJob[] {
  if (candidates.length === 0) return [];
  const queued = existingDedupeKeys(
    scan.db,
    candidates.map((c) => c.dedupeKey),
  );
  const fresh = candidates.flatMap((c) => {
    if (queued.has(c.dedupeKey)) return [];
    const input = c.input();
    return input ? [{ ...c, built: input }] : [];
  });
  if (fresh.length === 0) return [];
  return inTransaction(scan.db, (tx) => {
    const created: EnqueuedJob[] = [];
    for (const c of fresh) {
      // Still conditional: another instance may have queued the same key since the read.
      const added = enqueueAgentJob(
        tx,
        {
          job: c.job,
          centerId: scan.center.id,
          dedupeKey: c.dedupeKey,
          input: c.built,
          triggerEventId: c.triggerEventId,
          runAfter: scan.now,
        },
        scan.now,
      );
      if (added) {
        c.onCreated?.(tx as Db, c.built);
        created.push({ job: c.job, dedupeKey: c.dedupeKey });
      }
    }
    return created;
  });
}

/** Days of the family's earlier late pick-ups quoted with a new one. */
const LATE_HISTORY_DAYS = 30;

/**
 * The family's late pick-ups before `date`, one per child and day (the last check-out of the day
 * is the pick-up), assessed under today's policy so the numbers compare.
 */
function familyLateHistory(
  scan: Scan,
  outs: Scan["events"],
  children: ReadonlyMap<string, { familyId: string | null }>,
  familyId: string,
  date: string,
): LatePickupInput["history"]["earlier"] {
  const last = new Map<string, Scan["events"][number]>();
  for (const e of outs) {
    if (!e.subjectId || children.get(e.subjectId)?.familyId !== familyId) continue;
    if (isReconciled(e)) continue; // its time is the snapshot's, not the pick-up's
    const day = instantToZoned(new Date(e.occurredAt), scan.center.timeZone).date;
    if (day >= date) continue;
    last.set(`${e.subjectId}:${day}`, e);
  }
  return [...last.values()].flatMap((e) => {
    const a = assessLatePickup(
      scan.policy.latePickup,
      new Date(e.occurredAt),
      scan.center.timeZone,
    );
    return a.late
      ? [
          {
            date: a.date,
            childId: e.subjectId as string,
            minutesAfterClose: a.minutesAfterClose,
            feeCents: a.feeCents,
          },
        ]
      : [];
  });
}

function latePickups(scan: Scan): Candidate[] {
  const { db, center, policy } = scan;
  // Lateness first: most check-outs are on time, and only a late one needs the directory and the
  // family's history. Every event of the scan is on its local date, so one close instant screens
  // them before the (time-zone converting) assessment.
  const closeMs = zonedDateTimeToInstant(
    scan.localDate,
    policy.latePickup.closesAt,
    center.timeZone,
  ).getTime();
  const late = scan.events.flatMap((e) => {
    const event = e.payload as DomainEvent;
    if (event.type !== "child.checked_out" || Date.parse(event.occurredAt) <= closeMs) return [];
    const assessment = assessLatePickup(
      policy.latePickup,
      new Date(event.occurredAt),
      center.timeZone,
    );
    return assessment.late ? [{ e, event, assessment }] : [];
  });
  if (late.length === 0) return [];
  const earlierOuts = once(() => {
    const historyFrom = zonedDateTimeToInstant(
      addDays(scan.localDate, -LATE_HISTORY_DAYS),
      "00:00",
      center.timeZone,
    ).toISOString();
    const firstOut = scan.events.find((e) => e.type === "child.checked_out")!;
    return listEvents(db, center.id, historyFrom, firstOut.occurredAt).filter(
      (e) => e.type === "child.checked_out",
    );
  });
  return late.map(
    ({ e, event, assessment }): Candidate => ({
      job: "late-pickup",
      dedupeKey: `late-pickup:${center.id}:${event.childId}:${assessment.date}`,
      triggerEventId: eventId(e),
      input: () => {
        const children = scan.children();
        const child = children.get(event.childId);
        const family = child?.familyId ? scan.families().get(child.familyId) : undefined;
        if (!child || !family) return null;
        const room = child.homeRoomId ? scan.rooms().get(child.homeRoomId) : undefined;
        return latePickupInput(
          { center, child, family, room },
          {
            assessment,
            pickedUpBy: event.pickedUpBy,
            graceMinutes: policy.latePickup.graceMinutes,
            pickupTimeSource: isReconciled(e) ? "reconciliation" : "platform",
            history: {
              windowDays: LATE_HISTORY_DAYS,
              earlier: familyLateHistory(scan, earlierOuts(), children, family.id, assessment.date),
            },
          },
        );
      },
    }),
  );
}

function incidents(scan: Scan): Candidate[] {
  const { center } = scan;
  return scan.events.flatMap((e): Candidate[] => {
    const event = e.payload as DomainEvent;
    if (event.type !== "incident.reported") return [];
    return [
      {
        job: "incident-triage",
        dedupeKey: `incident-triage:${center.id}:${eventId(e)}`,
        triggerEventId: eventId(e),
        input: () => {
          const children = scan.children();
          return incidentInput({
            center,
            incidentId: e.sourceEventId,
            room: event.roomId ? scan.rooms().get(event.roomId) : undefined,
            occurredAt: event.occurredAt,
            children: event.childIds.map((id) => {
              const child = children.get(id);
              return {
                childId: id,
                name: child ? fullName(child) : id,
                familyId: child?.familyId ?? null,
              };
            }),
            reporter: event.reportedByStaffId
              ? scan.staff().get(event.reportedByStaffId)
              : undefined,
            description: event.description,
          });
        },
        // Deterministic and independent of any draft: the director hears of it now.
        onCreated: (tx, input) => {
          const incident = input as ReturnType<typeof incidentInput>;
          if (incident.severityFloor === "high") {
            enqueueDirectorNotice(tx, center.id, incident, scan.now);
          }
        },
      },
    ];
  });
}

function absences(scan: Scan): Candidate[] {
  const { db, center, policy } = scan;
  // Before the cut-off nothing is decided; after close a check-in message is no use.
  if (scan.localTime < policy.absence.cutoff || scan.localTime >= policy.latePickup.closesAt) {
    return [];
  }
  const checkedIn = new Set(
    scan.events.filter((e) => e.type === "child.checked_in").map((e) => e.subjectId),
  );
  // A center that has checked nobody in today is closed or not feeding us events: no verdicts.
  if (checkedIn.size === 0) return [];
  for (const p of listPresence(db, center.id)) {
    if (p.subjectKind === "child" && p.present) checkedIn.add(p.subjectId);
  }
  const families = scan.families();
  return [...scan.children().values()].flatMap((child): Candidate[] => {
    const family = child.familyId ? families.get(child.familyId) : undefined;
    if (!family) return [];
    const decision = decideAbsence(
      policy.absence,
      // No platform sends absence notices yet, so none is ever on record.
      { schedule: child.schedule, checkedInToday: checkedIn.has(child.id), noticeGiven: false },
      scan.at,
      center.timeZone,
    );
    if (decision.status !== "absent_without_notice") return [];
    return [
      keyed(
        "absence-follow-up",
        `absence-follow-up:${center.id}:${child.id}:${scan.localDate}`,
        () =>
          absenceInput(
            {
              center,
              child,
              family,
              room: child.homeRoomId ? scan.rooms().get(child.homeRoomId) : undefined,
            },
            scan.localDate,
            decision,
          ),
      ),
    ];
  });
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * After close, the day's digest: each pattern today's records are part of (unexplained absences
 * have their own job) becomes a family follow-up, at most one per child, pattern and week, so a
 * pattern that keeps growing is raised again next week, not every day.
 */
function patternFollowUps(scan: Scan): Candidate[] {
  const { db, center, policy } = scan;
  if (scan.localTime < policy.latePickup.closesAt) return [];
  const digest = buildPatternsReport(db, center.id, "day", scan.localDate, new Date(scan.now));
  if (!digest) return [];
  const monday = addDays(scan.localDate, -WEEKDAYS.indexOf(weekdayOf(scan.localDate)));
  const children = scan.children();
  const families = scan.families();
  const rooms = scan.rooms();
  return digest.findings.flatMap((f): Candidate[] => {
    const finding = attendancePatternInputSchema.shape.finding.safeParse(f);
    const child = children.get(f.childId);
    const family = child?.familyId ? families.get(child.familyId) : undefined;
    if (!finding.success || !child || !family) return [];
    const room = child.homeRoomId ? rooms.get(child.homeRoomId) : undefined;
    const input: AttendancePatternInput = {
      ...familySubject({ center, child, family, room }, scan.localDate),
      finding: finding.data,
    };
    const dedupeKey = `attendance-pattern:${center.id}:${child.id}:${f.kind}:${monday}`;
    return [keyed("attendance-pattern", dedupeKey, () => input)];
  });
}

const PUNCTUALITY_DAYS = 30;
const LATE_AFTER_MINUTES = 5;

/** A review coming due within the lead time, from the hire dates the center has on file. */
function reviews(scan: Scan): Candidate[] {
  const { db, center, policy } = scan;
  const hires = listHireDates(db, center.id);
  if (hires.length === 0) return [];
  const dates = Array.from({ length: PUNCTUALITY_DAYS }, (_, i) => addDays(scan.localDate, -i));
  // A month of events and shifts, read only when a review not yet queued needs its punctuality.
  const history = once(() => {
    const from = zonedDateTimeToInstant(dates.at(-1)!, "00:00", center.timeZone).toISOString();
    return listEvents(db, center.id, from, new Date(scan.at.getTime() + 1).toISOString());
  });
  const shiftsOf = once(() => listShifts(db, center.id, dates));
  const today = Date.parse(`${scan.localDate}T00:00:00Z`);
  return hires.flatMap((hire): Candidate[] => {
    const due = nextReview(policy.review, hire.hireDate, scan.localDate);
    if (!due?.withinWindow) return [];
    const summary = (): JobInput | null => {
      const person = scan.staff().get(hire.staffId);
      if (!person) return null;
      const shifts = shiftsOf();
      const clockIns = history()
        .filter((e) => e.type === "staff.clocked_in" && e.subjectId === person.id)
        .map((e) => new Date(e.occurredAt));
      const started = shifts.filter(
        (s) =>
          s.staffId === person.id &&
          zonedDateTimeToInstant(s.date, s.start, center.timeZone) <= scan.at,
      );
      let onTime = 0;
      let late = 0;
      for (const shift of started) {
        const first = clockIns.find((t) => instantToZoned(t, center.timeZone).date === shift.date);
        if (!first) continue;
        const start = zonedDateTimeToInstant(shift.date, shift.start, center.timeZone);
        if (first.getTime() - start.getTime() > LATE_AFTER_MINUTES * 60_000) late += 1;
        else onTime += 1;
      }
      return {
        centerName: center.name,
        staffId: person.id,
        staffName: fullName(person),
        role: person.role,
        homeRoomId: person.homeRoomId,
        hireDate: hire.hireDate,
        dueOn: due.dueOn,
        daysUntil: due.daysUntil,
        reviewNumber: due.number,
        punctuality: {
          windowDays: PUNCTUALITY_DAYS,
          shifts: started.length,
          onTime,
          late,
          missing: started.length - onTime - late,
        },
        credentials: person.credentials.map((c) => ({
          type: c.type,
          expiresOn: c.expiresOn,
          daysUntilExpiry:
            c.expiresOn === null
              ? null
              : Math.round((Date.parse(`${c.expiresOn}T00:00:00Z`) - today) / 86_400_000),
        })),
        incidentsReported: history().filter(
          (e) =>
            e.type === "incident.reported" &&
            (e.payload as DomainEvent & { reportedByStaffId?: string | null }).reportedByStaffId ===
              person.id,
        ).length,
      };
    };
    return [
      keyed("review-summary", `review-summary:${center.id}:${hire.staffId}:${due.dueOn}`, summary),
    ];
  });
}

function scanOf(db: Db, center: Center, policy: DraftingPolicy, at: Date, wallNow: Date): Scan {
  const local = instantToZoned(at, center.timeZone);
  const dayStart = zonedDateTimeToInstant(local.date, "00:00", center.timeZone).toISOString();
  return {
    db,
    center,
    policy,
    at,
    localDate: local.date,
    localTime: local.time,
    now: wallNow.toISOString(),
    events: listEvents(db, center.id, dayStart, new Date(at.getTime() + 1).toISOString()),
    children: once(() => new Map(listChildren(db, center.id).map((c) => [c.id, c]))),
    families: once(() => new Map(listFamilies(db, center.id).map((f) => [f.id, f]))),
    rooms: once(() => new Map(listRooms(db, center.id).map((r) => [r.id, r]))),
    staff: once(() => new Map(listStaff(db, center.id).map((m) => [m.id, m]))),
  };
}

/** After events arrive: late pick-ups among today's check-outs, and today's incident reports. */
export function scanEvents(
  db: Db,
  center: Center,
  policy: DraftingPolicy,
  at: Date,
  wallNow: Date,
) {
  const scan = scanOf(db, center, policy, at, wallNow);
  return enqueue(scan, [...incidents(scan), ...latePickups(scan)]);
}

/** On the schedule tick: everything `scanEvents` does, plus absences past the cut-off, reviews
 * coming due, and after close the day's attendance patterns. */
export function scanSchedule(
  db: Db,
  center: Center,
  policy: DraftingPolicy,
  at: Date,
  wallNow: Date,
) {
  const scan = scanOf(db, center, policy, at, wallNow);
  // The day's digest reads weeks of records: build it again only when today's events changed.
  const digests = digestsSeen.get(db) ?? new Map<string, string>();
  digestsSeen.set(db, digests);
  const last = scan.events.at(-1);
  const signature = `${scan.localDate}|${scan.events.length}|${last ? eventId(last) : ""}`;
  const digestDue = digests.get(center.id) !== signature;
  const created = enqueue(scan, [
    ...incidents(scan),
    ...latePickups(scan),
    ...absences(scan),
    ...reviews(scan),
    ...(digestDue ? patternFollowUps(scan) : []),
  ]);
  // Only once its follow-ups are queued (or found already queued) is a digest done with.
  if (digestDue && scan.localTime >= policy.latePickup.closesAt) digests.set(center.id, signature);
  return created;
}

/**
 * Per database and center, today's events as of the last digest built after close (local date,
 * count, last event). In memory: another process or a restart builds the digest once more, and
 * the dedupe keys keep that from queuing anything twice. A directory change alone (a new schedule)
 * is seen with the center's next event.
 */
const digestsSeen = new WeakMap<Db, Map<string, string>>();

/**
 * A room gone out of ratio that no single staff move can cover (the coverage core proposes none):
 * the families of the children in it get a notice to approve.
 */
export function scanRatioImpact(
  db: Db,
  center: Center,
  policy: DraftingPolicy,
  change: StatusChange,
  wallNow: Date,
): EnqueuedJob[] {
  if (change.to !== "violation" && change.to !== "critical") return [];
  const at = new Date(change.at);
  const outlook = centerOutlook(db, center.id, at).find((o) => o.roomId === change.roomId);
  if (!outlook || (outlook.coverage && outlook.coverage.proposals.length > 0)) return [];
  const room = roomStates(db, center.id).find((r) => r.id === change.roomId);
  if (!room || room.children.length === 0) return [];
  const children = new Map(
    listChildren(
      db,
      center.id,
      room.children.map((c) => c.id),
    ).map((c) => [c.id, c]),
  );
  const families = new Map(listFamilies(db, center.id).map((f) => [f.id, f]));
  const seen = new Set<string>();
  const affected: RatioImpactInput["families"] = [];
  for (const c of room.children) {
    const family = children.get(c.id)?.familyId;
    const record = family ? families.get(family) : undefined;
    if (!record || seen.has(record.id)) continue;
    seen.add(record.id);
    affected.push(ratioImpactFamily(record, c));
  }
  if (affected.length === 0) return [];
  const scan = scanOf(db, center, policy, at, wallNow);
  const occasion = change.violationId === null ? change.at : `violation-${change.violationId}`;
  const dedupeKey = `ratio-impact:${center.id}:${room.id}:${occasion}`;
  const input: RatioImpactInput = {
    centerName: center.name,
    roomId: room.id,
    roomName: room.name,
    date: scan.localDate,
    since: scan.localTime,
    status: change.to,
    ratioLines: [change.evaluation.slack],
    plan: policy.ratioImpactPlan,
    families: affected,
    clock: clockFor(center.jurisdiction),
  };
  return enqueue(scan, [keyed("ratio-impact", dedupeKey, () => input)]);
}

export interface QuickLogEntry {
  /** The log's own id (e.g. the platform note id): one draft per log. */
  logId: string;
  childId: string;
  text: string;
  writtenAt: Date;
  writtenBy: string | null;
}

/**
 * A teacher's quick log about one child, to become structured entries. No platform sends these
 * yet; this is where a route or a platform note feed enqueues them.
 */
export function enqueueQuickLog(
  db: Db,
  center: Center,
  policy: DraftingPolicy,
  log: QuickLogEntry,
  wallNow: Date,
): EnqueuedJob[] {
  const child = listChildren(db, center.id, [log.childId])[0];
  if (!child) return [];
  const scan = scanOf(db, center, policy, log.writtenAt, wallNow);
  const input = quickLogInput({
    child,
    timeZone: center.timeZone,
    writtenAt: log.writtenAt,
    writtenBy: log.writtenBy,
    text: log.text,
  });
  return enqueue(scan, [keyed("quick-log", `quick-log:${center.id}:${log.logId}`, () => input)]);
}
