/**
 * @module sandbox/staffing
 * How a simulated center plans for its state's ratio rules, the way a director does before anyone
 * arrives: each room enrolls no more children than the state's group size allows (and never mixes
 * ages the state keeps apart), and the roster is sized from the children's schedules so that every
 * room has enough counted, qualified staff from the first arrival to the last pick-up, with
 * breaks where the room has a spare pair of hands or a floater can step in.
 *
 * The plan is conservative on purpose: it staffs for every enrolled child being there for the whole
 * of their scheduled day (plus the script's jitter), at the strictest ratio any band their age falls
 * in could impose. The day itself (`script.ts`) then checks the real rule pack through the real
 * evaluator and deals with what a plan cannot know (who is off sick, who calls out).
 */
import { addDays } from "../domain/time.js";
import { completedMonths, type RulePack } from "../rules/index.js";

/** The planning grid: one slot per minute from 06:00 to 18:45 local. */
export const GRID_FROM = 6 * 60;
export const GRID_TO = 18 * 60 + 45;

/** Full-time shift, break included. */
export const SHIFT_MINUTES = 9 * 60;
/** The longest single shift planned to cover one level (a long day) before it takes two people. */
export const LONG_SHIFT_MINUTES = 9 * 60 + 30;
export const BREAK_MINUTES = 30;
/** Rooms open and close with these two shifts (the opener is the room's lead teacher). */
export const OPENER = { start: 6 * 60 + 30, end: 6 * 60 + 30 + SHIFT_MINUTES };
export const CLOSER = { start: 18 * 60 + 30 - SHIFT_MINUTES, end: 18 * 60 + 30 };

function bandsAt(pack: RulePack, months: number) {
  return pack.programs.flatMap((p) =>
    p.bands.filter((b) => months >= b.minMonths && (b.maxMonths === null || months <= b.maxMonths)),
  );
}

/**
 * The strictest ratio any band (of any program) could impose on a child of this age: whatever
 * program and mixed-age method end up governing, a room staffed at this ratio is staffed enough.
 */
export function strictestRatio(pack: RulePack, months: number): number {
  const ratios = bandsAt(pack, months).map((b) => b.ratio);
  return ratios.length === 0 ? 1 : Math.min(...ratios);
}

/** The smallest maximum group size any band covering this age states (Infinity: none). */
export function groupCapAt(pack: RulePack, months: number): number {
  const caps = bandsAt(pack, months).map((b) => b.maxGroup ?? Number.POSITIVE_INFINITY);
  return caps.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...caps);
}

export interface RoomAges {
  /** Age in days at the reference date, inclusive. */
  minDays: number;
  maxDays: number;
  /** Children enrolled: the room's usual size, or fewer where the state's group size is smaller. */
  enrolled: number;
}

/**
 * The ages a room enrolls and how many children, under `pack`. Starting from the room's usual age
 * range in days, it (1) stops short of a band the state forbids mixing with the younger ones (with a
 * month's margin, so the room stays lawful as the children grow), (2) nudges the youngest age up by
 * a month or two when a boundary band would otherwise cap the group below the usual size, and (3)
 * enrolls no more than the smallest group size left.
 */
export function roomAges(
  pack: RulePack | undefined,
  ref: string,
  usual: { children: number; ageDays: readonly [number, number] },
): RoomAges {
  const [fromDays, toDays] = usual.ageDays;
  if (pack === undefined) return { minDays: fromDays, maxDays: toDays, enrolled: usual.children };
  const monthsOf = (days: number) => completedMonths(addDays(ref, -days), ref);
  const lo = monthsOf(fromDays);
  let hi = monthsOf(toDays);

  const program = pack.programs.find((p) =>
    p.bands.some((b) => lo >= b.minMonths && (b.maxMonths === null || lo <= b.maxMonths)),
  );
  if (program) {
    const included = new Set<string>();
    for (let m = lo; m <= hi; m++) {
      const band = program.bands.find(
        (b) => m >= b.minMonths && (b.maxMonths === null || m <= b.maxMonths),
      );
      if (!band) break;
      const clash = program.mixedAge.forbiddenPairs.some(
        ([a, b]) => (a === band.id && included.has(b)) || (b === band.id && included.has(a)),
      );
      if (clash) {
        hi = Math.max(lo, m - 2);
        break;
      }
      included.add(band.id);
    }
  }

  const capFrom = (from: number) => {
    let cap = Number.POSITIVE_INFINITY;
    for (let m = from; m <= hi; m++) cap = Math.min(cap, groupCapAt(pack, m));
    return cap;
  };
  let youngest = lo;
  let cap = capFrom(lo);
  for (let from = lo + 1; from <= Math.min(lo + 2, hi) && cap < usual.children; from++) {
    const c = capFrom(from);
    if (c > cap) {
      youngest = from;
      cap = c;
    }
  }

  let minDays = toDays;
  let maxDays = fromDays;
  for (let d = fromDays; d <= toDays; d++) {
    const m = monthsOf(d);
    if (m >= youngest && m <= hi) {
      minDays = Math.min(minDays, d);
      maxDays = Math.max(maxDays, d);
    }
  }
  return { minDays, maxDays, enrolled: Math.min(usual.children, cap) };
}

/** Minutes from midnight a child may be in their room: [from, to] inclusive. */
export interface PresenceWindow {
  from: number;
  to: number;
}

/**
 * Counted staff a room needs, minute by minute over the planning grid, if every child is there for
 * all of their windows: ceil(children / strictest ratio among them).
 */
export function demandCurve(
  children: readonly { ratio: number; windows: readonly PresenceWindow[] }[],
): number[] {
  const demand: number[] = [];
  for (let t = GRID_FROM; t <= GRID_TO; t++) {
    let n = 0;
    let ratio = Number.POSITIVE_INFINITY;
    for (const c of children) {
      if (c.windows.some((w) => t >= w.from && t <= w.to)) {
        n++;
        ratio = Math.min(ratio, c.ratio);
      }
    }
    demand.push(n === 0 ? 0 : Math.ceil(n / ratio));
  }
  return demand;
}

export interface PlannedShift {
  /** 1 = the room's first counted person (open to close), 2 = the second, and so on. */
  level: number;
  part: "opener" | "closer" | "single";
  start: number;
  end: number;
}

const floor15 = (m: number) => Math.floor(m / 15) * 15;
const ceil15 = (m: number) => Math.ceil(m / 15) * 15;

/**
 * Shifts that cover a room's demand level by level. Level 1 is an opener and a closer (the room is
 * open all day); every further level is one shift from just before it is first needed to just after
 * it is last needed (a long day at most), or an opener and a closer when that is longer.
 */
export function roomShifts(demand: readonly number[]): PlannedShift[] {
  const peak = Math.max(0, ...demand);
  const shifts: PlannedShift[] = [];
  for (let level = 1; level <= Math.max(1, peak); level++) {
    if (level === 1) {
      shifts.push({ level, part: "opener", ...OPENER }, { level, part: "closer", ...CLOSER });
      continue;
    }
    const first = demand.findIndex((d) => d >= level);
    let last = first;
    demand.forEach((d, i) => {
      if (d >= level) last = i;
    });
    // Clock-ins run up to 4 minutes late and clock-outs up to 2 minutes early.
    const start = Math.max(OPENER.start, floor15(GRID_FROM + first - 5));
    const end = Math.min(CLOSER.end, ceil15(GRID_FROM + last + 5));
    if (end - start <= LONG_SHIFT_MINUTES) shifts.push({ level, part: "single", start, end });
    else {
      shifts.push(
        { level, part: "opener", start, end: start + SHIFT_MINUTES },
        { level, part: "closer", start: end - SHIFT_MINUTES, end },
      );
    }
  }
  return shifts;
}

/** A break's reach, given the script's jitter: it may start 2 minutes early and run 6 minutes long. */
export const breakReach = (start: number) => ({ from: start - 3, to: start + BREAK_MINUTES + 7 });

/**
 * Places one break per shift of six hours or more, between 11:00 and 14:45, staggered. Where the room
 * has a spare counted person for the whole break (its openers and closers overlap at midday), the
 * room covers it itself; otherwise a floater will, and the floaters' load is spread out.
 *
 * `inRoom(person, minute)` says whether that person is working in the room at that minute (the
 * school-age staff help elsewhere while their group is at school). Returns the break start per
 * person (null: no break) and whether the room covers it itself.
 */
export function placeBreaks(
  shifts: readonly { start: number; end: number }[],
  demand: readonly number[],
  inRoom: (person: number, minute: number) => boolean,
  floaterLoad: number[],
): { start: number | null; selfCovered: boolean }[] {
  const onBreak = new Array<number>(demand.length).fill(0);
  const present = (t: number) =>
    shifts.filter((s, i) => t >= s.start && t < s.end && inRoom(i, t)).length;
  const spare = (from: number, to: number) => {
    for (let t = from; t <= to; t++) {
      const i = t - GRID_FROM;
      if (present(t) - (onBreak[i] ?? 0) - (demand[i] ?? 0) < 1) return false;
    }
    return true;
  };
  const load = (from: number, to: number) => {
    let sum = 0;
    for (let t = from; t <= to; t++) sum += floaterLoad[t - GRID_FROM] ?? 0;
    return sum;
  };
  return shifts.map((s, person) => {
    if (s.end - s.start < 6 * 60) return { start: null, selfCovered: true };
    // Staggered through the middle of the day, nap time first.
    const target = 12 * 60 + 30 + ((person * 45) % 150) - (person % 2 === 0 ? 0 : 60);
    const options: number[] = [];
    for (let b = 11 * 60; b <= 14 * 60 + 45; b += 15) {
      if (b >= s.start + 2 * 60 && b + BREAK_MINUTES <= s.end - 60) options.push(b);
    }
    if (options.length === 0) return { start: null, selfCovered: true };
    const away = (b: number) => {
      const { from, to } = breakReach(b);
      for (let t = from; t <= to; t++) if (inRoom(person, t)) return false;
      return true;
    };
    const scored = options.map((b) => {
      const { from, to } = breakReach(b);
      const self = away(b) || spare(from, to);
      return { b, self, load: self ? 0 : load(from, to) };
    });
    // Self-covered first, then the least floater load, then the closest to the target time.
    scored.sort(
      (x, y) =>
        Number(y.self) - Number(x.self) ||
        x.load - y.load ||
        Math.abs(x.b - target) - Math.abs(y.b - target) ||
        x.b - y.b,
    );
    const chosen = scored[0] as (typeof scored)[number];
    const { from, to } = breakReach(chosen.b);
    for (let t = from; t <= to; t++) {
      if (inRoom(person, t)) onBreak[t - GRID_FROM] = (onBreak[t - GRID_FROM] ?? 0) + 1;
      if (!chosen.self) floaterLoad[t - GRID_FROM] = (floaterLoad[t - GRID_FROM] ?? 0) + 1;
    }
    return { start: chosen.b, selfCovered: chosen.self };
  });
}
