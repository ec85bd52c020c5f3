/**
 * @module sandbox/world
 * The simulated center chain: centers, rooms, families, children and staff, generated from a seed.
 * Ids are the platform's own (Procare-style for even center indexes, Kangarootime-style for odd),
 * unique across the chain, and the sandbox serves and sends them verbatim. Ages and credential
 * expiries are relative to a reference date so that "6 weeks old" and "expires in 30 days" stay
 * true for the day being simulated. Rooms and rosters follow the center's state rule pack: no room
 * enrolls more than the state's group size allows, and the roster is sized from the children's
 * schedules so every room can be kept in ratio all day (`staffing.ts`).
 */
import type { Provider, StaffRole, Weekday } from "../domain/index.js";
import { addDays } from "../domain/time.js";
import { completedMonths, getRulePack, type RulePack } from "../rules/index.js";
import {
  adultFirstNames,
  centerNamePrefixes,
  centerNameSuffixes,
  childFirstNames,
  lastNames,
  menFirstNames,
  menRelationships,
  roomNames,
  schoolNames,
  womenFirstNames,
  womenRelationships,
} from "./names.js";
import { type Rng, rngFor } from "./prng.js";
import {
  demandCurve,
  GRID_FROM,
  GRID_TO,
  placeBreaks,
  roomAges,
  roomShifts,
  strictestRatio,
} from "./staffing.js";

export type AgeGroup = "infant" | "toddler" | "twos" | "preschool" | "school_age";
export type ShiftKind = "early" | "mid" | "late";
export type CredentialType =
  | "cpr"
  | "pediatric_first_aid"
  | "background_check"
  | "health_screening"
  | "teacher_qualification"
  | "director_qualification";

export interface SimRoom {
  id: string;
  centerId: string;
  name: string;
  ageGroup: AgeGroup;
  capacity: number;
  /**
   * Children per teacher the platform is configured with (reference only, like Procare's `6.0`).
   * Often looser than the state's rules: the roster follows the center's rule pack, not this.
   */
  ratio: number;
}

export interface SimGuardian {
  firstName: string;
  lastName: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

export interface SimPickupPerson {
  name: string;
  relationship: string;
}

export interface SimFamily {
  id: string;
  centerId: string;
  lastName: string;
  /** e.g. "Rivera Family". */
  name: string;
  guardians: SimGuardian[];
  /** Approved pick-up people beyond the guardians (grandparents, a nanny). */
  extraPickups: SimPickupPerson[];
}

export interface SimScheduleDay {
  day: Weekday;
  /** Local `HH:MM`. */
  arrive: string;
  depart: string;
}

export interface SimChild {
  id: string;
  centerId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  homeRoomId: string;
  familyId: string;
  schedule: SimScheduleDay[];
}

export interface SimCredential {
  type: CredentialType;
  issuedOn: string;
  /** Null for what is done once (a health screening, a qualification). */
  expiresOn: string | null;
}

/** How a staff member's ordinary day goes; the script adds jitter and the day's surprises. */
export interface SimDuty {
  shift: ShiftKind;
  start: string;
  end: string;
  /** The room they clock into; null for the office, or a floater placed on arrival. */
  roomId: string | null;
  /** Planned room changes, local `HH:MM`. */
  moves: { at: string; roomId: string }[];
  breaks: { start: string; end: string }[];
  /** The day's call-out is drawn from these. */
  callOutCandidate: boolean;
  /** Covers the room of whoever called out. */
  substitute: boolean;
}

export interface SimStaff {
  id: string;
  centerId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  role: StaffRole;
  homeRoomId: string | null;
  credentials: SimCredential[];
  duty: SimDuty;
}

export interface SimSchool {
  name: string;
  /** Name school-age children are checked out to when the bus takes them. */
  busName: string;
  busDeparts: string;
  busReturns: string;
}

export interface SimCenter {
  /** Position in the chain, from 0. */
  index: number;
  /** index + 1; the id scheme embeds it. */
  number: number;
  id: string;
  provider: Provider;
  name: string;
  jurisdiction: string;
  /** Two-letter state code. */
  state: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  school: SimSchool;
  rooms: SimRoom[];
  families: SimFamily[];
  children: SimChild[];
  staff: SimStaff[];
}

export interface SandboxWorld {
  seed: number;
  referenceDate: string;
  centers: SimCenter[];
}

export interface CreateWorldOptions {
  seed: number;
  /** Number of centers; default 2 (one per provider). */
  centers?: number;
  /** The date ages and credential expiries are measured from; the sandbox passes its first day. */
  referenceDate?: string;
}

/** Fixed so a world built without a date is still deterministic; the sandbox always passes one. */
export const DEFAULT_REFERENCE_DATE = "2026-01-05";

const jurisdictions = [
  { code: "US-CA", timeZone: "America/Los_Angeles", areaCode: "213" },
  { code: "US-TX", timeZone: "America/Chicago", areaCode: "512" },
  { code: "US-NY", timeZone: "America/New_York", areaCode: "212" },
  { code: "US-FL", timeZone: "America/New_York", areaCode: "305" },
  { code: "US-WA", timeZone: "America/Los_Angeles", areaCode: "206" },
  { code: "US-IL", timeZone: "America/Chicago", areaCode: "312" },
  { code: "US-PA", timeZone: "America/New_York", areaCode: "215" },
] as const;

/**
 * 8/12/12/18/10 children: about 60 per center. A state whose group sizes are smaller enrolls fewer
 * (see `roomAges` in staffing.ts).
 */
const roomSpecs: readonly {
  ageGroup: AgeGroup;
  children: number;
  capacity: number;
  ratio: number;
  /** Age in days at the reference date. */
  ageDays: readonly [number, number];
}[] = [
  { ageGroup: "infant", children: 8, capacity: 12, ratio: 4, ageDays: [45, 355] },
  { ageGroup: "toddler", children: 12, capacity: 14, ratio: 6, ageDays: [372, 725] },
  { ageGroup: "twos", children: 12, capacity: 16, ratio: 8, ageDays: [735, 1090] },
  { ageGroup: "preschool", children: 18, capacity: 24, ratio: 12, ageDays: [1100, 1820] },
  { ageGroup: "school_age", children: 10, capacity: 20, ratio: 14, ageDays: [1830, 3640] },
];

const TODDLERS = 1;
const TWOS = 2;
const PRESCHOOL = 3;
const SCHOOL_AGE = 4;

interface StaffSpec {
  role: StaffRole;
  /** Minutes from midnight. */
  start: number;
  end: number;
  /** Room index the person belongs to (null: office or floating). */
  home: number | null;
  /** Room index they clock into, when it differs from home. */
  clockInto?: number | null;
  moves?: readonly [number, number][];
  breakAt: number | null;
  callOutCandidate?: boolean;
  substitute?: boolean;
  /** The one 17-year-old, for minimum-age rules. */
  minor?: boolean;
}

/** While the school-age group is at school its staff help in preschool. */
const SCHOOL_LEAVES = 8 * 60 + 20;
const SCHOOL_RETURNS = 15 * 60 + 20;

/** When (minutes) each child of a room may be in it, with the script's jitter and clamps. */
function presenceWindows(child: SimChild, ageGroup: AgeGroup, lateLeaver: boolean) {
  const day = child.schedule[0];
  if (!day) return [];
  const arrive = timeToMinutes(day.arrive);
  const depart = timeToMinutes(day.depart);
  const clampTo = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
  if (ageGroup === "school_age") {
    return [
      { from: clampTo(arrive - 8, 7 * 60, 7 * 60 + 55), to: 8 * 60 + 17 },
      { from: 15 * 60 + 30, to: clampTo(depart + 10, 16 * 60, 17 * 60 + 58) },
    ];
  }
  const to = clampTo(depart + 10, 15 * 60 + 5, 17 * 60 + 58);
  return [
    {
      from: clampTo(arrive - 8, 7 * 60, 9 * 60 + 30),
      // A twos child may be the day's unauthorized pick-up, collected as late as 16:55.
      to: lateLeaver ? Math.max(to, 16 * 60 + 56) : to,
    },
  ];
}

/**
 * The roster, sized from the rule pack and the children's schedules (see `staffing.ts`): per room,
 * a lead teacher who opens and a teacher who closes, and as many further teachers as the room's
 * demand needs when it needs them; the director and assistant director in the office (they step
 * in when a room is short); an assistant teacher and a 17-year-old assistant as extra hands (a
 * 17-year-old never counts, and is never the only adult in a room); a floater who covers the
 * day's call-out and one who covers breaks. Late-shift teachers of the school-age room help in
 * preschool until the bus brings their group back.
 */
function planRoster(
  pack: RulePack | undefined,
  rooms: readonly SimRoom[],
  children: readonly SimChild[],
  ref: string,
): StaffSpec[] {
  const specs: StaffSpec[] = [
    { role: "director", start: 8 * 60, end: 16 * 60 + 30, home: null, breakAt: 12 * 60 },
    {
      role: "assistant_director",
      start: 9 * 60 + 30,
      end: 18 * 60 + 30,
      home: null,
      breakAt: 15 * 60,
    },
  ];
  const floaterLoad = new Array<number>(GRID_TO - GRID_FROM + 1).fill(0);
  rooms.forEach((room, r) => {
    const kids = children.filter((c) => c.homeRoomId === room.id);
    const lateTwos = kids.some(
      (c) => timeToMinutes(c.schedule[0]?.depart ?? "00:00") >= 16 * 60 + 30,
    );
    const demand = demandCurve(
      kids.map((c) => ({
        ratio: pack ? strictestRatio(pack, completedMonths(c.birthDate, ref)) : roomSpecs[r]!.ratio,
        windows: presenceWindows(
          c,
          room.ageGroup,
          room.ageGroup === "twos" &&
            (!lateTwos || timeToMinutes(c.schedule[0]?.depart ?? "00:00") >= 16 * 60 + 30),
        ),
      })),
    );
    const shifts = roomShifts(demand);
    const schoolAge = r === SCHOOL_AGE;
    const inRoom = (_person: number, t: number) =>
      !schoolAge || t < SCHOOL_LEAVES || t >= SCHOOL_RETURNS;
    const breaks = placeBreaks(shifts, demand, inRoom, floaterLoad);
    shifts.forEach((shift, i) => {
      const spec: StaffSpec = {
        role: shift.level === 1 && shift.part === "opener" ? "lead_teacher" : "teacher",
        start: shift.start,
        end: shift.end,
        home: r,
        breakAt: breaks[i]?.start ?? null,
        // Someone the room needs from the start of their shift; never the room's opener or closer.
        callOutCandidate: shift.level > 1 && shift.part !== "closer" && !schoolAge,
      };
      if (schoolAge) {
        spec.clockInto =
          shift.start < SCHOOL_LEAVES - 5 ? r : shift.start < SCHOOL_RETURNS ? PRESCHOOL : r;
        const moves: [number, number][] = [];
        if (shift.start < SCHOOL_LEAVES - 5 && shift.end > SCHOOL_LEAVES + 5) {
          moves.push([SCHOOL_LEAVES, PRESCHOOL]);
        }
        if (shift.start < SCHOOL_RETURNS && shift.end >= SCHOOL_RETURNS + 25) {
          moves.push([SCHOOL_RETURNS, r]);
        }
        spec.moves = moves;
      }
      specs.push(spec);
    });
  });
  // Extra hands: they may count (an assistant does in some states) but the plan never needs them.
  specs.push(
    {
      role: "assistant_teacher",
      start: 9 * 60 + 30,
      end: 18 * 60,
      home: TODDLERS,
      breakAt: 14 * 60,
    },
    {
      role: "assistant_teacher",
      start: 9 * 60 + 30,
      end: 17 * 60 + 30,
      home: TWOS,
      breakAt: 14 * 60 + 30,
      minor: true,
    },
  );
  // The floaters start in the office. The first is the call-out substitute; the second covers
  // breaks, and takes its own when the fewest breaks need covering.
  let quiet = 10 * 60;
  for (let b = 10 * 60; b <= 16 * 60; b += 15) {
    const load = (m: number) => {
      let sum = 0;
      for (let t = m - 3; t <= m + 37; t++) sum += floaterLoad[t - GRID_FROM] ?? 0;
      return sum;
    };
    if (load(b) < load(quiet)) quiet = b;
  }
  specs.push(
    {
      role: "floater",
      start: 7 * 60,
      end: 16 * 60,
      home: null,
      breakAt: 13 * 60,
      substitute: true,
    },
    { role: "floater", start: 8 * 60 + 30, end: 17 * 60 + 30, home: null, breakAt: quiet },
  );
  return specs;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export const minutesToTime = (minutes: number): string =>
  `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;

export const timeToMinutes = (time: string): number => {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

interface IdScheme {
  center: string;
  room(n: number): string;
  child(n: number): string;
  staff(n: number): string;
  family(n: number): string;
}

/** Procare-style `center_001`/`room_101`/`child_1001`; Kangarootime-style `CTR_002`/`ROOM_201`. */
function idScheme(provider: Provider, k: number): IdScheme {
  if (provider === "procare") {
    return {
      center: `center_${pad(k, 3)}`,
      room: (n) => `room_${k * 100 + n}`,
      child: (n) => `child_${k * 1000 + n}`,
      staff: (n) => `emp_${k * 100 + n}`,
      family: (n) => `fam_${k * 100 + n}`,
    };
  }
  return {
    center: `CTR_${pad(k, 3)}`,
    room: (n) => `ROOM_${k * 100 + n}`,
    child: (n) => `CHLD_${k * 1000 + n}`,
    staff: (n) => `STF_${k * 100 + n}`,
    family: (n) => `FAM_${k * 100 + n}`,
  };
}

/** Draws from a shuffled copy without replacement, cycling once the list runs out. */
function deck<T>(rng: Rng, items: readonly T[]): () => T {
  const shuffled = rng.shuffle(items);
  let cursor = 0;
  return () => shuffled[cursor++ % shuffled.length]!;
}

/** A first name that fits the relationship ("mother" gets a woman's name). */
function firstNameFor(rng: Rng, relationship: string): string {
  if (womenRelationships.has(relationship)) return rng.pick(womenFirstNames);
  if (menRelationships.has(relationship)) return rng.pick(menFirstNames);
  return rng.pick(adultFirstNames);
}

const lettersOnly = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

function centerName(index: number, rng: Rng): string {
  const prefix = centerNamePrefixes[index % centerNamePrefixes.length]!;
  const round = Math.floor(index / centerNamePrefixes.length);
  const name = `${prefix} ${rng.pick(centerNameSuffixes)}`;
  // Past the list, a location keeps names unique within the chain.
  return round === 0 ? name : `${name} – Campus ${round + 1}`;
}

function childSchedule(rng: Rng, ageGroup: AgeGroup): SimScheduleDay[] {
  const pattern = rng.weighted<readonly Weekday[]>([
    [["mon", "tue", "wed", "thu", "fri"], 80],
    [["mon", "wed", "fri"], 10],
    [["tue", "thu"], 10],
  ]);
  const quarter = (from: number, to: number) => from + 15 * rng.int(0, (to - from) / 15);
  let arrive: number;
  let depart: number;
  if (ageGroup === "school_age") {
    arrive = quarter(7 * 60, 7 * 60 + 45);
    depart = quarter(16 * 60 + 30, 17 * 60 + 45);
  } else {
    // Three arrival waves: the early commuters, the main rush, the late-morning stragglers.
    const wave = rng.weighted([
      [[7 * 60, 7 * 60 + 45], 30],
      [[7 * 60 + 45, 8 * 60 + 30], 45],
      [[8 * 60 + 30, 9 * 60 + 15], 25],
    ] as const);
    arrive = quarter(wave[0], wave[1]);
    const late = rng.weighted([
      [[15 * 60, 16 * 60], 15],
      [[16 * 60, 17 * 60], 45],
      [[17 * 60, 17 * 60 + 45], 40],
    ] as const);
    depart = quarter(late[0], late[1]);
  }
  return pattern.map((day) => ({
    day,
    arrive: minutesToTime(arrive),
    depart: minutesToTime(depart),
  }));
}

function credentials(rng: Rng, ref: string): SimCredential[] {
  const cert = (type: CredentialType, validDays: number, minDays: number, maxDays: number) => {
    const expiresOn = addDays(ref, rng.int(minDays, maxDays));
    return { type, issuedOn: addDays(expiresOn, -validDays), expiresOn };
  };
  return [
    cert("cpr", 730, 120, 700),
    cert("pediatric_first_aid", 730, 120, 700),
    cert("background_check", 1825, 200, 1500),
  ];
}

/**
 * What a real roster has on file once: a health/TB screening at hire for everyone, a teacher or
 * director qualification by role. Two gaps a director would really find — the newest hire's
 * screening not yet filed, one teacher's qualification missing — so the matrix shows a few real
 * problems, not a wall of red. Derived from the roster without the generator, so every other
 * seeded value stays as it was.
 */
function seedOnceCredentials(staff: SimStaff[], ref: string): void {
  const teachers = staff.filter((s) => s.role === "teacher" || s.role === "lead_teacher");
  const noQualification = teachers.at(-1);
  const noScreening = staff.at(-1);
  staff.forEach((s, i) => {
    const onFile = addDays(ref, -(180 + ((i * 97) % 1400)));
    if (s !== noScreening) {
      s.credentials.push({ type: "health_screening", issuedOn: onFile, expiresOn: null });
    }
    const qualification =
      s.role === "director" || s.role === "assistant_director"
        ? "director_qualification"
        : s.role === "teacher" || s.role === "lead_teacher"
          ? "teacher_qualification"
          : null;
    if (qualification && s !== noQualification) {
      s.credentials.push({ type: qualification, issuedOn: onFile, expiresOn: null });
    }
  });
}

/** Re-dates one credential so it expires `days` from the reference date (negative: expired). */
function expireIn(staff: SimStaff, type: CredentialType, ref: string, days: number) {
  const c = staff.credentials.find((x) => x.type === type)!;
  const validDays = type === "background_check" ? 1825 : 730;
  c.expiresOn = addDays(ref, days);
  c.issuedOn = addDays(c.expiresOn, -validDays);
}

function buildCenter(seed: number, index: number, ref: string): SimCenter {
  const rng = rngFor(seed, "world", index);
  const provider: Provider = index % 2 === 0 ? "procare" : "kangarootime";
  const k = index + 1;
  const ids = idScheme(provider, k);
  const j = jurisdictions[index % jurisdictions.length]!;
  const centerId = ids.center;
  // Drawn without replacement, so a center has few repeated names (real ones have some).
  const nextSurname = deck(rng, lastNames);
  const nextChildName = deck(rng, childFirstNames);
  const nextStaffName = deck(rng, adultFirstNames);

  const rooms: SimRoom[] = roomSpecs.map((spec, r) => ({
    id: ids.room(r + 1),
    centerId,
    name: rng.pick(roomNames[spec.ageGroup]),
    ageGroup: spec.ageGroup,
    capacity: spec.capacity,
    ratio: spec.ratio,
  }));

  const school = rng.pick(schoolNames);
  let phone = 0;
  const newPhone = () => `${j.areaCode}-555-01${pad(phone++ % 100, 2)}`;

  const families: SimFamily[] = [];
  const children: SimChild[] = [];
  const newFamily = (): SimFamily => {
    const lastName = nextSurname();
    const single = rng.chance(0.15);
    const relationships: string[] = single
      ? [rng.pick(["mother", "father", "grandmother", "guardian"])]
      : rng.pick([
          ["mother", "father"],
          ["father", "mother"],
          ["parent", "parent"],
          ["mother", "mother"],
        ]);
    const guardians = relationships.map((relationship) => {
      const firstName = firstNameFor(rng, relationship);
      // One in five second guardians kept their own surname.
      const own = relationship !== relationships[0] && rng.chance(0.2) ? nextSurname() : lastName;
      return {
        firstName,
        lastName: own,
        name: `${firstName} ${own}`,
        relationship,
        phone: newPhone(),
        email: `${lettersOnly(firstName)}.${lettersOnly(own)}@example.com`,
      };
    });
    const extras = rng.weighted([
      [0, 40],
      [1, 45],
      [2, 15],
    ]);
    const extraPickups = Array.from({ length: extras }, () => {
      const relationship = rng.pick([
        "grandmother",
        "grandfather",
        "aunt",
        "uncle",
        "nanny",
        "neighbor",
      ]);
      const family =
        relationship === "nanny" || relationship === "neighbor" ? false : rng.chance(0.6);
      return {
        name: `${firstNameFor(rng, relationship)} ${family ? lastName : nextSurname()}`,
        relationship,
      };
    });
    const family: SimFamily = {
      id: ids.family(families.length + 1),
      centerId,
      lastName,
      name: `${lastName} Family`,
      guardians,
      extraPickups,
    };
    families.push(family);
    return family;
  };

  const pack = getRulePack(j.code);
  roomSpecs.forEach((spec, r) => {
    const ages = roomAges(pack, ref, spec);
    for (let n = 0; n < ages.enrolled; n++) {
      // About one child in five is a sibling of a child already enrolled.
      const withSiblings = families.filter(
        (f) => children.filter((c) => c.familyId === f.id).length < 3,
      );
      const family =
        withSiblings.length > 0 && rng.chance(0.2) ? rng.pick(withSiblings) : newFamily();
      children.push({
        id: ids.child(children.length + 1),
        centerId,
        firstName: nextChildName(),
        lastName: family.lastName,
        birthDate: addDays(ref, -rng.int(ages.minDays, ages.maxDays)),
        homeRoomId: rooms[r]!.id,
        familyId: family.id,
        schedule: childSchedule(rng, spec.ageGroup),
      });
    }
  });

  const roomId = (r: number | null | undefined) => (r == null ? null : rooms[r]!.id);
  const staff: SimStaff[] = planRoster(pack, rooms, children, ref).map((spec, s) => {
    const years = spec.minor ? 17 : rng.int(19, 58);
    // 17 years plus 1–8 months (and the leap days), so the minor stays 17 for months of play.
    const ageDays = years * 365 + Math.floor(years / 4) + rng.int(30, 250);
    return {
      id: ids.staff(s + 1),
      centerId,
      firstName: nextStaffName(),
      lastName: nextSurname(),
      birthDate: addDays(ref, -ageDays),
      role: spec.role,
      homeRoomId: roomId(spec.home),
      credentials: credentials(rng, ref),
      duty: {
        shift: spec.start < 8 * 60 ? "early" : spec.start < 9 * 60 + 30 ? "mid" : "late",
        start: minutesToTime(spec.start),
        end: minutesToTime(spec.end),
        roomId: roomId(spec.clockInto === undefined ? spec.home : spec.clockInto),
        moves: (spec.moves ?? []).map(([at, r]) => ({
          at: minutesToTime(at),
          roomId: rooms[r]!.id,
        })),
        breaks:
          spec.breakAt === null
            ? []
            : [{ start: minutesToTime(spec.breakAt), end: minutesToTime(spec.breakAt + 30) }],
        callOutCandidate: spec.callOutCandidate ?? false,
        substitute: spec.substitute ?? false,
      },
    };
  });

  seedOnceCredentials(staff, ref);

  // Credentials that compliance features must notice: due in 30, 60, 90 days, and one lapsed.
  const [soon, sixty, ninety, lapsed] = rng.shuffle(staff.slice(1));
  expireIn(soon!, "cpr", ref, rng.int(5, 29));
  expireIn(sixty!, "pediatric_first_aid", ref, rng.int(31, 59));
  expireIn(ninety!, "background_check", ref, rng.int(61, 89));
  expireIn(lapsed!, "cpr", ref, -rng.int(3, 20));

  return {
    index,
    number: k,
    id: centerId,
    provider,
    name: centerName(index, rng),
    jurisdiction: j.code,
    state: j.code.slice(3),
    timeZone: j.timeZone,
    opensAt: "06:30",
    closesAt: "18:00",
    school: { name: school, busName: `${school} bus`, busDeparts: "08:15", busReturns: "15:30" },
    rooms,
    families,
    children,
    staff,
  };
}

/** Builds the chain. Even indexes are Procare centers, odd ones Kangarootime. */
export function createWorld(options: CreateWorldOptions): SandboxWorld {
  const count = options.centers ?? 2;
  if (!Number.isInteger(count) || count < 1 || count > 99) {
    throw new RangeError(`centers must be an integer from 1 to 99, got ${count}`);
  }
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  addDays(referenceDate, 0); // validates the format
  return {
    seed: options.seed,
    referenceDate,
    centers: Array.from({ length: count }, (_, i) => buildCenter(options.seed, i, referenceDate)),
  };
}

interface WorldIndex {
  centers: Map<string, SimCenter>;
  rooms: Map<string, SimRoom>;
  children: Map<string, SimChild>;
  staff: Map<string, SimStaff>;
  families: Map<string, SimFamily>;
}

const indexes = new WeakMap<SandboxWorld, WorldIndex>();

/** Id lookups over the whole chain (ids are unique across centers). Built once per world. */
export function worldIndex(world: SandboxWorld): WorldIndex {
  let index = indexes.get(world);
  if (!index) {
    index = {
      centers: new Map(world.centers.map((c) => [c.id, c])),
      rooms: new Map(world.centers.flatMap((c) => c.rooms.map((r) => [r.id, r] as const))),
      children: new Map(world.centers.flatMap((c) => c.children.map((x) => [x.id, x] as const))),
      staff: new Map(world.centers.flatMap((c) => c.staff.map((x) => [x.id, x] as const))),
      families: new Map(world.centers.flatMap((c) => c.families.map((x) => [x.id, x] as const))),
    };
    indexes.set(world, index);
  }
  return index;
}

/** Everyone who may collect the child: guardians, the family's extras, and the school bus. */
export function authorizedPickups(world: SandboxWorld, child: SimChild): SimPickupPerson[] {
  const index = worldIndex(world);
  const family = index.families.get(child.familyId);
  const center = index.centers.get(child.centerId);
  const room = index.rooms.get(child.homeRoomId);
  const people: SimPickupPerson[] = [
    ...(family?.guardians.map((g) => ({ name: g.name, relationship: g.relationship })) ?? []),
    ...(family?.extraPickups ?? []),
  ];
  if (center && room?.ageGroup === "school_age") {
    people.push({ name: center.school.busName, relationship: "school bus" });
  }
  return people;
}
