/**
 * @module sandbox/script
 * One simulated day per center: staff clock in by shift, children arrive in waves, the school-age
 * group leaves on the bus and comes back, two toddlers visit the twos room, naps bring staggered
 * breaks that a floater covers, and each center has its four scenarios (a call-out, an incident in
 * the toddler room, an unauthorized pick-up attempt, a late pick-up after close). Everything is
 * drawn from a stream seeded by (world seed, center, date), so the same inputs always plan the same
 * day and one center's plan never shifts another's.
 */
import { instantToZoned, weekdayOf, zonedDateTimeToInstant } from "../domain/time.js";
import type {
  CheckInMethod,
  DayPlan,
  SandboxEvent,
  SandboxEventBody,
  SandboxEventKind,
  ScenarioMarker,
} from "./events.js";
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

type Draft = SandboxEventBody & {
  /** Local seconds from midnight. */
  sod: number;
  /** Creation order, the last tie-breaker. */
  order: number;
};

/** At equal times: arrivals of staff before children, departures of children before staff. */
const tiePriority: Record<SandboxEventKind, number> = {
  "staff.clocked_in": 0,
  "staff.break_ended": 1,
  "staff.assigned": 2,
  "child.checked_in": 3,
  "child.moved": 4,
  "incident.reported": 5,
  "child.pickup_attempted": 6,
  "child.checked_out": 7,
  "staff.break_started": 8,
  "staff.clocked_out": 9,
};

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
  const sorted = [...drafts].sort((a, b) => a.sod - b.sod || a.order - b.order);
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

interface CenterPlan {
  drafts: Draft[];
  scenarios: (Omit<ScenarioMarker, "at"> & { sod: number })[];
}

function planCenter(world: SandboxWorld, center: SimCenter, date: string): CenterPlan {
  const rng = rngFor(world.seed, "day", center.id, date);
  const drafts: Draft[] = [];
  const scenarios: CenterPlan["scenarios"] = [];
  const push = (body: SandboxEventBody, at: number) => {
    drafts.push({ ...body, sod: at, order: drafts.length } as Draft);
  };
  const weekday = weekdayOf(date);
  const roomOf = (ageGroup: string) => center.rooms.find((r) => r.ageGroup === ageGroup)!;
  const [toddlers, twos, preschool] = [roomOf("toddler"), roomOf("twos"), roomOf("preschool")];
  const scheduled = center.children
    .map((child) => ({ child, day: child.schedule.find((d) => d.day === weekday) }))
    .filter((x): x is { child: SimChild; day: NonNullable<typeof x.day> } => x.day !== undefined);
  const inRoom = (roomId: string) => scheduled.filter((x) => x.child.homeRoomId === roomId);

  // The scenario children are picked first and are never absent, so every day has all four.
  const lateChild = rng.pick(inRoom(preschool.id)).child;
  const twosLeavingLate = inRoom(twos.id).filter(
    (x) => timeToMinutes(x.day.depart) >= 16 * 60 + 30,
  );
  const unauthChild = rng.pick(
    twosLeavingLate.length > 0 ? twosLeavingLate : inRoom(twos.id),
  ).child;
  const shuffledToddlers = rng.shuffle(inRoom(toddlers.id)).map((x) => x.child);
  const movers = shuffledToddlers.slice(0, 2);
  const incidentChild = shuffledToddlers[2]!;
  const special = new Set([lateChild, unauthChild, incidentChild, ...movers].map((c) => c.id));
  const present = scheduled.filter((x) => special.has(x.child.id) || !rng.chance(0.05));

  const latePickupAt = around(rng, "18:16", 0, 8);

  // Staff: one late-shift teacher calls out and the substitute floater takes their room plan.
  const callOut = rng.pick(center.staff.filter((s) => s.duty.callOutCandidate));
  const substitute = center.staff.find((s) => s.duty.substitute)!;
  for (const staff of center.staff) {
    if (staff.id === callOut.id) continue;
    const plan = staff.id === substitute.id ? callOut.duty : staff.duty;
    const lastRoom = plan.moves.at(-1)?.roomId ?? plan.roomId;
    push(
      { kind: "staff.clocked_in", staffId: staff.id, roomId: plan.roomId },
      around(rng, staff.duty.start, -8, 4),
    );
    for (const move of plan.moves) {
      push(
        { kind: "staff.assigned", staffId: staff.id, roomId: move.roomId },
        around(rng, move.at, -2, 3),
      );
    }
    for (const b of staff.duty.breaks) {
      const start = around(rng, b.start, -2, 3);
      push({ kind: "staff.break_started", staffId: staff.id }, start);
      const length = timeToMinutes(b.end) - timeToMinutes(b.start);
      push(
        { kind: "staff.break_ended", staffId: staff.id },
        start + length * 60 + rng.int(-60, 180),
      );
    }
    let out = around(rng, staff.duty.end, -2, 8);
    // Whoever closes the late-pick-up room waits for the family.
    if (lastRoom === lateChild.homeRoomId && staff.duty.shift === "late") {
      out = Math.max(out, latePickupAt + rng.int(6 * 60, 12 * 60));
    }
    push({ kind: "staff.clocked_out", staffId: staff.id }, out);
  }
  const callOutRoom = center.rooms.find((r) => r.id === callOut.duty.roomId);
  scenarios.push({
    kind: "call_out",
    centerId: center.id,
    sod: sod(callOut.duty.start),
    subjectId: callOut.id,
    detail: `${fullName(callOut)} (${callOut.role}) did not come in; ${fullName(substitute)} covers ${callOutRoom?.name ?? "the room"}`,
  });
  const staffAt = staffLocator(drafts, center.staff);

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

  for (const { child, day } of present) {
    const roomId = child.homeRoomId;
    const schoolAge = center.rooms.find((r) => r.id === roomId)?.ageGroup === "school_age";
    const arrive = schoolAge
      ? clamp(around(rng, day.arrive, -8, 12), sod("07:00"), sod("07:55"))
      : clamp(around(rng, day.arrive, -8, 12), sod("07:00"), sod("09:30"));
    let method: CheckInMethod = rng.chance(0.1) ? "staff" : familyMethod();
    const staffId = method === "staff" ? staffAt(roomId, arrive) : null;
    if (method === "staff" && staffId === null) method = "pin_pad";
    push({ kind: "child.checked_in", childId: child.id, roomId, method, staffId }, arrive);

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
      const back = sod(bus.busReturns) + rng.int(0, 150);
      const by = staffAt(roomId, back);
      push(
        {
          kind: "child.checked_in",
          childId: child.id,
          roomId,
          method: by ? "staff" : "pin_pad",
          staffId: by,
        },
        back,
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

  // Two toddlers spend the late morning in the twos room, getting used to their next room.
  for (const child of movers) {
    push(
      { kind: "child.moved", childId: child.id, fromRoomId: toddlers.id, toRoomId: twos.id },
      around(rng, "10:00", 0, 6),
    );
    push(
      { kind: "child.moved", childId: child.id, fromRoomId: twos.id, toRoomId: toddlers.id },
      around(rng, "10:50", 0, 8),
    );
  }

  const incidentAt = around(rng, "10:38", 0, 6);
  const incidentId = `${center.provider === "procare" ? "inc" : "INC"}_${date.replaceAll("-", "")}${String(center.number).padStart(3, "0")}`;
  const description = rng.pick(incidentDescriptions);
  push(
    {
      kind: "incident.reported",
      incidentId,
      roomId: toddlers.id,
      childIds: [incidentChild.id],
      staffId: staffAt(toddlers.id, incidentAt),
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
      const ordered = plan.drafts.sort(
        (a, b) => a.sod - b.sod || tiePriority[a.kind] - tiePriority[b.kind] || a.order - b.order,
      );
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
      for (const { sod: seconds, ...marker } of plan.scenarios) {
        scenarios.push({ ...marker, at: isoSeconds(toInstant(date, seconds, center.timeZone)) });
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
