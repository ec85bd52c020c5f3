/**
 * @module sandbox/script
 * One simulated day per center: staff clock in by shift, children arrive in waves, the school-age
 * group leaves on the bus and comes back, two toddlers visit the twos room when it has space, and
 * each center has its scenarios (a call-out, an incident in the toddler room, an unauthorized
 * pick-up attempt, a late pick-up after close). Everything is drawn from streams seeded by (world
 * seed, center, date), so the same inputs always plan the same day and one center's plan never
 * shifts another's.
 *
 * The day is staffed the way a director runs the floor, checked against the center's real rule
 * pack through the real evaluator after every event (`floor.ts`): breaks are covered by a floater
 * (or the director) where the room has no spare counted person, and where a room would still fall
 * short (a child off the usual schedule, a long break) the director or a free floater steps in. So
 * a room is out of ratio only in the two stretches the day is meant to have, both recorded as
 * scenario markers: from the call-out's missed start until the director sends the substitute
 * floater in (`call_out_violation`), and one break nobody covers because that floater is busy with
 * the call-out (`uncovered_break`).
 */
import { instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import { getRulePack } from "../rules/index.js";
import type {
  CheckInMethod,
  DayPlan,
  SandboxEvent,
  SandboxEventBody,
  ScenarioMarker,
} from "./events.js";
import {
  cloneState,
  compareDrafts,
  createFloor,
  type Draft,
  type FloorState,
  type IntendedWindow,
  type Problem,
  tiePriority,
} from "./floor.js";
import { adultFirstNames, incidentDescriptions, lastNames } from "./names.js";
import { type Rng, rngFor } from "./prng.js";
import { isOpenDay } from "./schedule.js";
import {
  authorizedPickups,
  type SandboxWorld,
  type SimCenter,
  type SimChild,
  type SimStaff,
  timeToMinutes,
} from "./world.js";

/** The simulated day runs 06:00–18:45 local; every scripted event falls inside it. */
export const DAY_START = "06:00";
export const DAY_END = "18:45";

const sod = (time: string) => timeToMinutes(time) * 60;

/** Seconds from midnight to a UTC instant, through the wall clock so DST days are right. */
function toInstant(date: string, seconds: number, timeZone: string): number {
  const minutes = Math.floor(seconds / 60);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return zonedDateTimeToInstant(date, hhmm, timeZone).getTime() + (seconds % 60) * 1000;
}

/** `2026-11-23T15:04:05Z`: whole seconds, as the platforms send them. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Whole-second jitter of `minMinutes`..`maxMinutes` around a local time. */
const around = (rng: Rng, time: string, minMinutes: number, maxMinutes: number) =>
  sod(time) + rng.int(minMinutes * 60, maxMinutes * 60);

/** Replays staff drafts to answer "who is working in this room at this moment?". */
function staffLocator(drafts: readonly Draft[], staffOrder: readonly SimStaff[]) {
  const sorted = [...drafts].sort(compareDrafts);
  const rank = new Map(staffOrder.map((s, i) => [s.id, i]));
  return (roomId: string, at: number): string | null => {
    const state = new Map<string, { roomId: string | null; onBreak: boolean }>();
    for (const d of sorted) {
      if (d.sod > at) break;
      if (d.kind === "staff.clocked_in") state.set(d.staffId, { roomId: d.roomId, onBreak: false });
      else if (d.kind === "staff.clocked_out") state.delete(d.staffId);
      else if (d.kind === "staff.assigned") state.get(d.staffId)!.roomId = d.roomId;
      else if (d.kind === "staff.break_started") state.get(d.staffId)!.onBreak = true;
      else if (d.kind === "staff.break_ended") state.get(d.staffId)!.onBreak = false;
    }
    const here = [...state.entries()]
      .filter(([, s]) => s.roomId === roomId && !s.onBreak)
      .map(([id]) => id)
      .sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    return here[0] ?? null;
  };
}

function fullName(p: { firstName: string; lastName: string }) {
  return `${p.firstName} ${p.lastName}`;
}

/** How the uncovered break comes about: as planned (its cover is missing), on top of a colleague's
 * break, or taken late after the midday overlap. */
type UncoveredKind = "planned" | "overlap" | "late";
type Uncovered = { staff: SimStaff; roomId: string; from: number; to: number; kind: UncoveredKind };

interface CenterPlan {
  drafts: Draft[];
  scenarios: (Omit<ScenarioMarker, "at" | "endsAt"> & { sod: number; endSod?: number })[];
}

/** Roles that may be sent into a room to make up its ratio (they count and are qualified). */
const stepInRoles = new Set([
  "director",
  "assistant_director",
  "floater",
  "lead_teacher",
  "teacher",
]);

function planCenter(world: SandboxWorld, center: SimCenter, date: string): CenterPlan {
  const rng = rngFor(world.seed, "day", center.id, date);
  // Staffing decisions draw from their own stream, so how many the day needs never shifts the rest.
  const floorRng = rngFor(world.seed, "floor", center.id, date);
  const floor = createFloor(center, getRulePack(center.jurisdiction), date);
  let drafts: Draft[] = [];
  let created = 0;
  const push = (body: SandboxEventBody, at: number): Draft => {
    const draft = { ...body, sod: at, order: created++ } as Draft;
    drafts.push(draft);
    return draft;
  };
  // Fixes go in before whatever else happens at the same second.
  let fixOrder = -1;
  const pushFix = (body: SandboxEventBody, at: number): Draft => {
    const draft = { ...body, sod: at, order: fixOrder-- } as Draft;
    drafts.push(draft);
    return draft;
  };
  const scenarios: CenterPlan["scenarios"] = [];
  const weekday = weekdayOf(date);
  const roomOf = (ageGroup: string) => center.rooms.find((r) => r.ageGroup === ageGroup)!;
  const roomName = (id: string | null) => center.rooms.find((r) => r.id === id)?.name ?? "the room";
  const [toddlers, twos, preschool] = [roomOf("toddler"), roomOf("twos"), roomOf("preschool")];
  const scheduled = center.children
    .map((child) => ({ child, day: child.schedule.find((d) => d.day === weekday) }))
    .filter((x): x is { child: SimChild; day: NonNullable<typeof x.day> } => x.day !== undefined);
  const inRoom = (roomId: string) => scheduled.filter((x) => x.child.homeRoomId === roomId);

  // The scenario children are picked first and are never absent, so every day has them all.
  const lateChild = rng.pick(inRoom(preschool.id)).child;
  const twosLeavingLate = inRoom(twos.id).filter(
    (x) => timeToMinutes(x.day.depart) >= 16 * 60 + 30,
  );
  const unauthChild = rng.pick(
    twosLeavingLate.length > 0 ? twosLeavingLate : inRoom(twos.id),
  ).child;
  const incidentChild = rng.pick(inRoom(toddlers.id)).child;
  const special = new Set([lateChild, unauthChild, incidentChild].map((c) => c.id));
  const present = scheduled.filter((x) => special.has(x.child.id) || !rng.chance(0.05));

  const latePickupAt = around(rng, "18:16", 0, 8);

  // Staff, everyone as planned (the call-out is taken out below). Whoever closes the late-pick-up
  // room waits for the family.
  const lastRoom = (s: SimStaff) => s.duty.moves.at(-1)?.roomId ?? s.duty.roomId;
  const closer = center.staff
    .filter((s) => lastRoom(s) === lateChild.homeRoomId)
    .reduce<SimStaff | null>((a, s) => (a === null || s.duty.end > a.duty.end ? s : a), null);
  const own = new Map<string, Draft[]>();
  for (const staff of center.staff) {
    const mine: Draft[] = [];
    const clockIn = around(rng, staff.duty.start, -8, 4);
    mine.push(
      push({ kind: "staff.clocked_in", staffId: staff.id, roomId: staff.duty.roomId }, clockIn),
    );
    for (const move of staff.duty.moves) {
      mine.push(
        push(
          { kind: "staff.assigned", staffId: staff.id, roomId: move.roomId },
          around(rng, move.at, -2, 3),
        ),
      );
    }
    for (const b of staff.duty.breaks) {
      const start = around(rng, b.start, -2, 3);
      mine.push(push({ kind: "staff.break_started", staffId: staff.id }, start));
      const length = timeToMinutes(b.end) - timeToMinutes(b.start);
      mine.push(
        push(
          { kind: "staff.break_ended", staffId: staff.id },
          start + length * 60 + rng.int(-60, 180),
        ),
      );
    }
    let out = around(rng, staff.duty.end, -2, 8);
    if (staff.id === closer?.id) out = Math.max(out, latePickupAt + rng.int(6 * 60, 12 * 60));
    mine.push(push({ kind: "staff.clocked_out", staffId: staff.id }, out));
    own.set(staff.id, mine);
  }

  const pickupBy = (child: SimChild) => {
    const family = center.families.find((f) => f.id === child.familyId)!;
    const extra = family.extraPickups.length > 0 && rng.chance(0.2);
    return extra
      ? rng.pick(family.extraPickups)
      : (({ name, relationship }) => ({ name, relationship }))(rng.pick(family.guardians));
  };
  const guardianOf = (child: SimChild) => {
    const g = center.families.find((f) => f.id === child.familyId)!.guardians[0]!;
    return { name: g.name, relationship: g.relationship };
  };
  const familyMethod = () =>
    rng.weighted<CheckInMethod>([
      ["pin_pad", 55],
      ["kiosk", 20],
      ["mobile_app", 25],
    ]);

  // Check-ins by a staff member name whoever is in the room once the day's staffing is settled.
  const byStaff: Draft[] = [];
  for (const { child, day } of present) {
    const roomId = child.homeRoomId;
    const schoolAge = center.rooms.find((r) => r.id === roomId)?.ageGroup === "school_age";
    const arrive = schoolAge
      ? clamp(around(rng, day.arrive, -8, 12), sod("07:00"), sod("07:55"))
      : clamp(around(rng, day.arrive, -8, 12), sod("07:00"), sod("09:30"));
    const method: CheckInMethod = rng.chance(0.1) ? "staff" : familyMethod();
    const checkIn = push(
      { kind: "child.checked_in", childId: child.id, roomId, method, staffId: null },
      arrive,
    );
    if (method === "staff") byStaff.push(checkIn);

    if (schoolAge) {
      // Off to school by bus in the morning and back in the afternoon.
      const bus = center.school;
      push(
        {
          kind: "child.checked_out",
          childId: child.id,
          roomId,
          pickedUpBy: bus.busName,
          relationship: "school bus",
          method: "staff",
        },
        sod(bus.busDeparts) + rng.int(0, 90),
      );
      byStaff.push(
        push(
          { kind: "child.checked_in", childId: child.id, roomId, method: "staff", staffId: null },
          sod(bus.busReturns) + rng.int(0, 150),
        ),
      );
    }

    let depart: number;
    let who = pickupBy(child);
    if (child.id === lateChild.id) {
      depart = latePickupAt;
      who = guardianOf(child);
      scenarios.push({
        kind: "late_pickup",
        centerId: center.id,
        sod: depart,
        subjectId: child.id,
        detail: `${fullName(child)} collected by ${who.name} after the ${center.closesAt} close`,
      });
    } else if (child.id === unauthChild.id) {
      const attempt = around(rng, "16:05", 0, 15);
      const allowed = new Set(authorizedPickups(world, child).map((p) => p.name));
      let person = "";
      do {
        person = `${rng.pick(adultFirstNames)} ${rng.pick(lastNames)}`;
      } while (allowed.has(person));
      push(
        { kind: "child.pickup_attempted", childId: child.id, roomId, personName: person },
        attempt,
      );
      scenarios.push({
        kind: "unauthorized_pickup",
        centerId: center.id,
        sod: attempt,
        subjectId: child.id,
        detail: `${person}, not on the authorized pick-up list, asked to collect ${fullName(child)}`,
      });
      depart = attempt + rng.int(20 * 60, 35 * 60);
      who = guardianOf(child);
    } else {
      depart = clamp(
        around(rng, day.depart, -15, 10),
        sod(schoolAge ? "16:00" : "15:05"),
        sod("17:58"),
      );
    }
    push(
      {
        kind: "child.checked_out",
        childId: child.id,
        roomId,
        pickedUpBy: who.name,
        relationship: who.relationship,
        method: familyMethod(),
      },
      depart,
    );
  }

  const incidentAt = around(rng, "10:38", 0, 6);
  const incidentId = `${center.provider === "procare" ? "inc" : "INC"}_${date.replaceAll("-", "")}${String(center.number).padStart(3, "0")}`;
  const description = rng.pick(incidentDescriptions);
  const incident = push(
    {
      kind: "incident.reported",
      incidentId,
      roomId: toddlers.id,
      childIds: [incidentChild.id],
      staffId: null,
      description,
    },
    incidentAt,
  );
  scenarios.push({
    kind: "incident",
    centerId: center.id,
    sod: incidentAt,
    subjectId: incidentId,
    detail: `${fullName(incidentChild)} in ${toddlers.name}: ${description}`,
  });

  const sorted = () => [...drafts].sort(compareDrafts);
  const windows: IntendedWindow[] = [];

  // The call-out: someone a room needs from the start of their shift does not come in. The room
  // falls out of ratio when the children outnumber who is there, and stays out until the director
  // sends the substitute floater in.
  const candidates = floorRng.shuffle(center.staff.filter((s) => s.duty.callOutCandidate));
  type CallOut = {
    staff: SimStaff;
    roomId: string;
    start: number;
    /** When the room falls out of ratio without them, and when it would recover on its own. */
    violation: { from: number; to: number } | null;
  };
  const options: CallOut[] = [];
  const consider = (pool: readonly SimStaff[]) => {
    for (const staff of pool) {
      const roomId = staff.duty.roomId;
      if (roomId === null) continue;
      const theirs = new Set(own.get(staff.id));
      const without = drafts.filter((d) => !theirs.has(d)).sort(compareDrafts);
      const start = sod(staff.duty.start);
      const stretch = floor.stretches(without).find((x) => x.roomId === roomId && x.from >= start);
      options.push({
        staff,
        roomId,
        start,
        violation: stretch
          ? { from: stretch.from, to: stretch.to ?? Number.POSITIVE_INFINITY }
          : null,
      });
    }
  };
  consider(candidates);
  // On a quiet day nobody from the morning is missed: any teacher of a room then.
  if (options.every((o) => o.violation === null)) {
    consider(
      floorRng.shuffle(
        center.staff.filter(
          (s) => s.role === "teacher" && !s.duty.callOutCandidate && s.duty.moves.length === 0,
        ),
      ),
    );
  }
  // Best: the room falls short within the hour and stays short long enough for the director to
  // notice and send the floater in (8 minutes). Failing that, the longest shortfall, then the
  // soonest. The floater must be at work, and not on a break, when sent.
  const length = (o: CallOut) =>
    o.violation ? Math.min(8 * 60, o.violation.to - o.violation.from) : -1;
  const delay = (o: CallOut) =>
    o.violation ? o.violation.from - o.start : Number.POSITIVE_INFINITY;
  const away = (f: SimStaff, at: number) => {
    const mine = own.get(f.id) ?? [];
    return (
      at <= (mine[0]?.sod ?? 0) + 5 * 60 ||
      mine.some((d) => d.kind === "staff.clocked_out" && at >= d.sod - 10 * 60) ||
      mine.some(
        (d, i) =>
          d.kind === "staff.break_started" &&
          at >= d.sod - 5 * 60 &&
          at <= (mine[i + 1]?.sod ?? d.sod) + 5 * 60,
      )
    );
  };
  const dispatchFor = (o: CallOut) => {
    const v = o.violation;
    if (v === null) return o.start + floorRng.int(5 * 60, 20 * 60);
    const span = v.to - v.from;
    const earliest = Math.min(5 * 60, Math.floor(span / 2));
    return v.from + floorRng.int(earliest, Math.max(earliest, Math.min(20 * 60, span - 60)));
  };
  let callOut: CallOut | null = null;
  let dispatchAt = Number.POSITIVE_INFINITY;
  // The substitute floater goes, or the other floater when the substitute has gone home.
  let sent: SimStaff | null = null;
  const ranked = [
    ...options.filter((o) => length(o) >= 8 * 60 && delay(o) <= 60 * 60),
    ...[...options].sort((a, b) => length(b) - length(a) || delay(a) - delay(b)),
  ];
  const floaters = center.staff
    .filter((s) => s.role === "floater")
    .sort((a, b) => Number(b.duty.substitute) - Number(a.duty.substitute));
  for (const o of ranked) {
    const at = dispatchFor(o);
    const who = floaters.find((f) => !away(f, at));
    if (!who) continue;
    callOut = o;
    dispatchAt = at;
    sent = who;
    break;
  }
  if (callOut && sent) {
    const theirs = new Set(own.get(callOut.staff.id));
    drafts = drafts.filter((d) => !theirs.has(d));
    const v = callOut.violation;
    push({ kind: "staff.assigned", staffId: sent.id, roomId: callOut.roomId }, dispatchAt);
    if (v !== null) windows.push({ roomId: callOut.roomId, from: callOut.start, to: dispatchAt });
    scenarios.push({
      kind: "call_out",
      centerId: center.id,
      sod: callOut.start,
      subjectId: callOut.staff.id,
      detail: `${fullName(callOut.staff)} (${callOut.staff.role}) did not come in; ${fullName(sent)} covers ${roomName(callOut.roomId)}`,
    });
  }

  // Two of the oldest toddlers spend the late morning in the twos room, getting used to their next
  // room, when it has the space and the staff for them.
  const visitors = present
    .filter((x) => x.child.homeRoomId === toddlers.id && x.child.id !== incidentChild.id)
    .map((x) => x.child)
    .sort((a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0));
  const visitTimes = [0, 1].map(() => ({
    out: around(rng, "10:00", 0, 6),
    back: around(rng, "10:50", 0, 8),
  }));
  for (const count of [2, 1]) {
    const visit = visitors
      .slice(0, count)
      .flatMap((child, i) => [
        push(
          { kind: "child.moved", childId: child.id, fromRoomId: toddlers.id, toRoomId: twos.id },
          visitTimes[i]!.out,
        ),
        push(
          { kind: "child.moved", childId: child.id, fromRoomId: twos.id, toRoomId: toddlers.id },
          visitTimes[i]!.back,
        ),
      ]);
    if (visit.length === 0) break;
    const from = Math.min(...visit.map((d) => d.sod));
    const to = Math.max(...visit.map((d) => d.sod));
    const clash = floor
      .problems(sorted(), [])
      .some(
        (p) => (p.roomId === twos.id || p.roomId === toddlers.id) && p.sod >= from && p.sod <= to,
      );
    if (!clash) break;
    const gone = new Set(visit);
    drafts = drafts.filter((d) => !gone.has(d));
  }

  // Run the floor: take each moment a room would fall out of ratio, earliest first, and fix it the
  // way a director would (cover the break, send someone in), except where a scenario means it.
  const floater = floaters.find((f) => f.id !== sent?.id) ?? null;
  const staffById = new Map(center.staff.map((s) => [s.id, s]));
  /** The moves made to cover each break, by its break_started draft. */
  const covers = new Map<Draft, Draft[]>();
  const settle = () => {
    for (let round = 0; round < 400; round++) {
      const all = sorted();
      const [problem] = floor.problems(all, windows, { first: true });
      if (!problem) return;
      if (problem.roomId === "") {
        throw new Error(`sandbox script: impossible ${problem.draft.kind} at ${problem.sod}s`);
      }
      const fixed =
        (problem.draft.kind === "staff.break_started" && coverBreak(all, problem)) ||
        stepIn(all, problem);
      if (!fixed) return;
    }
  };

  /** Whether `staffId` has none of their own staff events in (from, to], `except` aside. */
  const freeBetween = (staffId: string, from: number, to: number, except?: Set<Draft>) =>
    !drafts.some(
      (d) =>
        d.kind.startsWith("staff.") &&
        "staffId" in d &&
        d.staffId === staffId &&
        d.sod > from &&
        d.sod <= to &&
        !except?.has(d),
    );
  const later = (a: Problem | undefined, than: Problem) =>
    a === undefined ||
    a.sod > than.sod ||
    (a.sod === than.sod && a.draft !== than.draft && compareDrafts(a.draft, than.draft) > 0) ||
    (a.draft === than.draft && a.roomId === than.roomId && a.short < than.short);

  /** Who could go to the problem's room just before it, best first: office, floater, director. */
  const helpers = (all: Draft[], problem: Problem, exclude: string) => {
    const state = floor.stateBefore(all, problem.index);
    const rank = (id: string) => {
      const s = staffById.get(id)!;
      const at = state.staff.get(id)!;
      if (s.id === floater?.id) return 0;
      if (at.roomId === null) return 1;
      return s.role === "floater" ? 2 : s.role.includes("director") ? 3 : 4;
    };
    return [...state.staff.entries()]
      .filter(([id, s]) => {
        const person = staffById.get(id);
        if (!person || id === exclude || s.onBreak || s.roomId === problem.roomId) return false;
        if (!stepInRoles.has(person.role)) return false;
        // The floater sent to the call-out waits for it.
        return !(id === sent?.id && problem.sod < dispatchAt);
      })
      .map(([id, s]) => ({ id, from: s.roomId }))
      .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  };

  /** A break that leaves its room short: the floater (or the director) covers it and goes back. */
  function coverBreak(all: Draft[], problem: Problem): boolean {
    const started = problem.draft;
    if (started.kind !== "staff.break_started") return false;
    const end = all.find(
      (d) => d.kind === "staff.break_ended" && d.staffId === started.staffId && d.sod > problem.sod,
    );
    if (!end) return false;
    const inAt = problem.sod - floorRng.int(60, 150);
    const outAt = end.sod + floorRng.int(60, 150);
    for (const h of helpers(all, problem, started.staffId)) {
      if (!freeBetween(h.id, inAt, outAt)) continue;
      const added = [
        pushFix({ kind: "staff.assigned", staffId: h.id, roomId: problem.roomId }, inAt),
        ...(h.from === null
          ? []
          : [pushFix({ kind: "staff.assigned", staffId: h.id, roomId: h.from }, outAt)]),
      ];
      const after = floor.problems(sorted(), windows);
      const ok =
        later(after[0], problem) &&
        !after.some((p) => p.roomId === h.from && p.sod >= inAt && p.sod <= outAt);
      if (ok) {
        covers.set(started, added);
        return true;
      }
      const gone = new Set(added);
      drafts = drafts.filter((d) => !gone.has(d));
    }
    return false;
  }

  /** Anything else: the floater, the director or a teacher to spare steps in and stays. */
  function stepIn(all: Draft[], problem: Problem): boolean {
    const at =
      tiePriority[problem.draft.kind] >= tiePriority["staff.assigned"]
        ? problem.sod
        : problem.sod - 1;
    for (const h of helpers(all, problem, "")) {
      const added = pushFix({ kind: "staff.assigned", staffId: h.id, roomId: problem.roomId }, at);
      const [next] = floor.problems(sorted(), windows, { first: true });
      if (later(next, problem)) return true;
      drafts = drafts.filter((d) => d !== added);
    }
    return false;
  }

  settle();

  // The uncovered break: after the floater has gone to the call-out's room, a teacher
  // goes on break while their room has no one to spare, and nobody covers it. Preferably they go
  // while a colleague of the same room is already on break (a shorter break, back before the
  // colleague), otherwise later than planned, after the midday overlap, with a colleague still in
  // the room. The room is out of ratio from the moment they leave until they are back.
  let uncovered: Uncovered | null = null;
  if (sent && Number.isFinite(dispatchAt)) {
    const all = sorted();
    const breakOf = (started: Draft) =>
      all.find(
        (d) =>
          d.kind === "staff.break_ended" &&
          "staffId" in started &&
          d.staffId === started.staffId &&
          d.sod > started.sod,
      );
    const roomAt = (staffId: string, at: number) =>
      floor
        .stateBefore(
          all,
          all.findIndex((d) => d.sod > at),
        )
        .staff.get(staffId)?.roomId ?? null;
    const breaks = all
      .filter(
        (d): d is Draft & { kind: "staff.break_started"; staffId: string } =>
          d.kind === "staff.break_started" &&
          staffById.get(d.staffId)?.role !== "floater" &&
          !staffById.get(d.staffId)?.role.includes("director") &&
          staffById.get(d.staffId)?.role !== "assistant_teacher",
      )
      .map((started) => ({
        started,
        end: breakOf(started),
        roomId: roomAt(started.staffId, started.sod),
      }))
      .filter(
        (b): b is { started: typeof b.started; end: Draft; roomId: string } =>
          b.end !== undefined && b.roomId !== null,
      );
    type Option = {
      started: Draft;
      end: Draft;
      from: number;
      to: number;
      slip: number;
      kind: UncoveredKind;
    };
    const options: Option[] = [];
    for (const b of breaks) {
      // Best: a break the floater was to cover.
      if ((covers.get(b.started) ?? []).length > 0) {
        options.push({
          started: b.started,
          end: b.end,
          from: b.started.sod,
          to: b.end.sod,
          slip: -1,
          kind: "planned",
        });
      }
      for (const other of breaks) {
        if (other === b || other.roomId !== b.roomId) continue;
        const from = other.started.sod + floorRng.int(60, 180);
        const to = Math.min(from + floorRng.int(15 * 60, 25 * 60), other.end.sod - 60);
        if (to - from >= 12 * 60) {
          options.push({
            started: b.started,
            end: b.end,
            from,
            to,
            slip: Math.abs(from - b.started.sod),
            kind: "overlap",
          });
        }
      }
      // A late break, any time up to the end of their shift (a short one, if a whole one is not
      // short all along).
      for (let m = 30; b.end.sod + m * 60 <= sod("18:15"); m += 10) {
        const from = b.started.sod + m * 60;
        for (const [to, extra] of [
          [b.end.sod + m * 60, 0],
          [from + 15 * 60, 6 * 3600],
        ] as const) {
          options.push({
            started: b.started,
            end: b.end,
            from,
            to,
            slip: 12 * 3600 + extra + m * 60,
            kind: "late",
          });
        }
      }
    }
    options.sort((x, y) => x.slip - y.slip || x.from - y.from);
    const clockIns = new Map(
      drafts.flatMap((d) => (d.kind === "staff.clocked_in" ? [[d.staffId, d.sod] as const] : [])),
    );
    /** Every floater is off, on break, or needed where they are (one is on the call-out). */
    const floatersBusy = (state: FloorState) =>
      floaters.every((f) => {
        const at = state.staff.get(f.id);
        if (!at || at.onBreak) return true;
        if (at.roomId === null) return false;
        at.onBreak = true;
        const needed = !floor.check(state, at.roomId).ok;
        at.onBreak = false;
        return needed;
      });
    // Best when no floater is free to send and a qualified teacher stays in the room; failing that,
    // the director simply misses it; last, the colleague who stays is an assistant (who counts).
    const now = sorted();
    const snapshots = floor.snapshots(now);
    search: for (const pass of [0, 1, 2]) {
      for (const { started, end, from, to, kind } of options) {
        if (started.kind !== "staff.break_started") continue;
        const who = started.staffId;
        if (from <= dispatchAt + 10 * 60 || from < (clockIns.get(who) ?? 0) + 90 * 60) continue;
        const mine = new Set<Draft>([started, end]);
        if (!freeBetween(who, Math.min(from, started.sod), Math.max(to, end.sod) + 5 * 60, mine)) {
          continue;
        }
        // Quick look first: is their room then short without them, with someone still there?
        const next = now.findIndex((d) => d.sod > from);
        const state = cloneState(snapshots[next === -1 ? now.length : next] as FloorState);
        const here = state.staff.get(who);
        if (!here || here.roomId === null || here.onBreak) continue;
        here.onBreak = true;
        const roomId = here.roomId;
        // Short by one, with a counted, qualified colleague still with the children: never a room
        // left to a 17-year-old or an assistant alone.
        const left = floor.check(state, roomId);
        if (left.ok || left.counted === 0 || (pass < 2 && !left.qualified)) continue;
        if (pass === 0 && !floatersBusy(state)) continue;
        const saved = { from: started.sod, to: end.sod, drafts };
        const gone = new Set(covers.get(started) ?? []);
        started.sod = from;
        end.sod = to;
        drafts = drafts.filter((d) => !gone.has(d));
        const trial = sorted();
        const stretch = floor.stretches(trial).find((x) => x.roomId === roomId && x.from === from);
        const others = floor
          .problems(trial, windows)
          .filter((p) => !(p.roomId === roomId && p.sod >= from && p.sod < to));
        if (stretch && stretch.to === to && others.every((p) => p.sod > to)) {
          uncovered = { staff: staffById.get(who)!, roomId, from, to, kind };
          windows.push({ roomId, from, to });
          break search;
        }
        drafts = saved.drafts;
        started.sod = saved.from;
        end.sod = saved.to;
      }
    }
    settle();
  }

  // Who checked whom in, and who reported the incident, now the staffing is settled.
  const staffAt = staffLocator(drafts, center.staff);
  for (const d of byStaff) {
    if (d.kind !== "child.checked_in") continue;
    const by = staffAt(d.roomId, d.sod);
    if (by === null) d.method = "pin_pad";
    d.staffId = by;
  }
  if (incident.kind === "incident.reported") incident.staffId = staffAt(toddlers.id, incidentAt);

  // The two stretches out of ratio, as the floor sees them.
  const stretches = floor.stretches(sorted());
  const within = (roomId: string, from: number, to: number) =>
    stretches.filter((s) => s.roomId === roomId && s.from >= from && s.from < to);
  if (callOut && sent && callOut.violation !== null) {
    const own = within(callOut.roomId, callOut.start, dispatchAt);
    const [first] = own;
    if (first) {
      scenarios.push({
        kind: "call_out_violation",
        centerId: center.id,
        sod: first.from,
        endSod: own.at(-1)?.to ?? dispatchAt,
        subjectId: callOut.staff.id,
        roomId: callOut.roomId,
        detail: `${roomName(callOut.roomId)} is short while ${fullName(callOut.staff)} is out, until the director sends ${fullName(sent)} in`,
      });
    }
  }
  const bare = uncovered as Uncovered | null;
  if (bare && sent) {
    const own = within(bare.roomId, bare.from, bare.to);
    const [first] = own;
    if (first) {
      scenarios.push({
        kind: "uncovered_break",
        centerId: center.id,
        sod: first.from,
        endSod: own.at(-1)?.to ?? bare.to,
        subjectId: bare.staff.id,
        roomId: bare.roomId,
        detail:
          `${fullName(bare.staff)} goes on break in ${roomName(bare.roomId)}` +
          (bare.kind === "overlap"
            ? " while a colleague of the room is still on theirs"
            : bare.kind === "late"
              ? " late, when the room has no one to spare"
              : "") +
          `, and nobody covers: ${fullName(sent)}, the floater, is in ` +
          `${roomName(callOut?.roomId ?? null)} for the call-out`,
      });
    }
  }

  return { drafts, scenarios };
}

/** The instant range of the simulated day across all centers. */
export function dayBounds(world: SandboxWorld, date: string): { startsAt: number; endsAt: number } {
  const starts = world.centers.map((c) =>
    zonedDateTimeToInstant(date, DAY_START, c.timeZone).getTime(),
  );
  const ends = world.centers.map((c) =>
    zonedDateTimeToInstant(date, DAY_END, c.timeZone).getTime(),
  );
  return { startsAt: Math.min(...starts), endsAt: Math.max(...ends) };
}

/**
 * Plans `date` (`YYYY-MM-DD`) for every center. On closed days (weekends) the plan has no events and
 * no scenarios, but still has the day's bounds so a runner can pass through it.
 */
export function planDay(world: SandboxWorld, date: string): DayPlan {
  const bounds = dayBounds(world, date);
  const events: (SandboxEvent & { ms: number; centerIndex: number })[] = [];
  const scenarios: ScenarioMarker[] = [];
  if (isOpenDay(date)) {
    for (const center of world.centers) {
      const plan = planCenter(world, center, date);
      const ordered = plan.drafts.sort(compareDrafts);
      ordered.forEach((draft, seq) => {
        const { sod: seconds, order: _order, ...body } = draft;
        const ms = toInstant(date, seconds, center.timeZone);
        events.push({
          ...body,
          id: `${center.id}:${date}:${seq}`,
          seq,
          centerId: center.id,
          at: isoSeconds(ms),
          ms,
          centerIndex: center.index,
        } as SandboxEvent & { ms: number; centerIndex: number });
      });
      for (const { sod: seconds, endSod, ...marker } of plan.scenarios) {
        scenarios.push({
          ...marker,
          at: isoSeconds(toInstant(date, seconds, center.timeZone)),
          ...(endSod === undefined
            ? {}
            : { endsAt: isoSeconds(toInstant(date, endSod, center.timeZone)) }),
        });
      }
    }
  }
  events.sort((a, b) => a.ms - b.ms || a.centerIndex - b.centerIndex || a.seq - b.seq);
  return {
    date,
    events: events.map(({ ms: _ms, centerIndex: _c, ...event }) => event as SandboxEvent),
    scenarios,
    startsAt: isoSeconds(bounds.startsAt),
    endsAt: isoSeconds(bounds.endsAt),
  };
}

/** The local date at a center for an instant, e.g. to file a timecard under its day. */
export function localDate(center: SimCenter, instant: Date): string {
  return instantToZoned(instant, center.timeZone).date;
}
