/**
 * @module rules/evaluate
 * The ratio decision for one room: a pure function of (rule pack, room, time). It reads no clock
 * and does no I/O, so every decision can be replayed and shown to an inspector with its rule, its
 * citation and its arithmetic. Where anything is uncertain it errs towards "not ok".
 */
import { AppError, err, ok, type Result } from "../errors/index.js";
import { completedMonths } from "./ages.js";
import type { Evaluation, RatioStatus, Room } from "./evaluation.js";
import type {
  Band,
  CenterPolicy,
  Citation,
  OpeningClosingRule,
  Program,
  RulePack,
} from "./pack.js";
import { capacity, countStaff } from "./staff.js";

export interface EvaluateOptions {
  /** The instant evaluated; ages, and how long a violation has been open, are measured at it. */
  at: Date;
  /** The center's local date at `at` (ages are counted in local dates); default: the UTC date. */
  localDate?: string;
  policy?: CenterPolicy;
}

interface Placed {
  id: string | null;
  months: number;
  band: Band | null;
}

// Called for every child and program on every evaluation: plain loops, no closures (perf).
function bandFor(program: Program, months: number): Band | null {
  for (const b of program.bands) {
    if (months >= b.minMonths && (b.maxMonths === null || months <= b.maxMonths)) return b;
  }
  return null;
}

function bandsOf(placed: Placed[]): Band[] {
  const bands: Band[] = [];
  for (const p of placed) if (p.band) bands.push(p.band);
  return bands;
}

function coveredCount(program: Program, months: number[]): number {
  let n = 0;
  for (const m of months) if (bandFor(program, m) !== null) n++;
  return n;
}

function chooseProgram(pack: RulePack, room: Room, months: number[]): Result<Program> {
  if (room.program !== undefined) {
    const named = pack.programs.find((p) => p.id === room.program);
    if (named) return ok(named);
    const known = pack.programs.map((p) => p.id).join(", ");
    return err(
      new AppError(
        "bad_request",
        `program: "${room.program}" is not a program of ${pack.code} (${known})`,
        {
          field: "program",
        },
      ),
    );
  }
  // The first program (packs list the stricter first) covering every child; failing that, the one
  // covering most of them, and the children it leaves out make the room non-compliant.
  const all = pack.programs.find((p) => coveredCount(p, months) === months.length);
  if (all) return ok(all);
  const best = [...pack.programs].sort(
    (a, b) => coveredCount(b, months) - coveredCount(a, months),
  )[0];
  return ok(best as Program);
}

/** The band whose numbers govern the covered children, by the program's mixed-age method; null
 * when no child is in a band of the program. */
function governingBand(program: Program, placed: Placed[]): Band | null {
  const bands = bandsOf(placed);
  if (bands.length === 0) return null;
  const youngest = bands.reduce((a, b) => (b.minMonths < a.minMonths ? b : a));
  if (
    program.mixedAge.method === "youngest" ||
    youngest.maxMonths === null ||
    youngest.maxMonths < 24
  ) {
    return youngest;
  }
  const counts = new Map<Band, number>();
  for (const b of bands) counts.set(b, (counts.get(b) ?? 0) + 1);
  return [...counts.entries()].sort(
    ([a, na], [b, nb]) =>
      nb - na || a.ratio - b.ratio || (a.maxGroup ?? Infinity) - (b.maxGroup ?? Infinity),
  )[0]?.[0] as Band;
}

const groupOf = (b: Band) => b.maxGroup ?? Number.POSITIVE_INFINITY;
const stricter = (a: Band, b: Band) =>
  a.ratio - b.ratio || groupOf(a) - groupOf(b) || a.minMonths - b.minMonths;

interface StandIn {
  band: Band;
  program: Program;
}

/**
 * The band a child outside every band of the room's program is staffed by: the youngest
 * (strictest) band of any program of the pack covering the age; null when none does.
 */
function standInFor(pack: RulePack, months: number): StandIn | null {
  const applicable = pack.programs.flatMap((p) => {
    const band = bandFor(p, months);
    return band ? [{ band, program: p }] : [];
  });
  return applicable.sort((a, b) => stricter(a.band, b.band))[0] ?? null;
}

// Rooms are evaluated in runs at one instant; its ISO string is formatted once for the run (perf).
let lastInstant = Number.NaN;
let lastIso = "";
function isoOf(at: Date): string {
  const t = at.getTime();
  if (t !== lastInstant) {
    lastIso = at.toISOString();
    lastInstant = t;
  }
  return lastIso;
}

/**
 * Records a citation (and its open question) once. A returned arrow rather than a named local:
 * tsx compiles with keepNames, which re-defines a named closure's `name` on every call (perf).
 */
function citer(citations: Citation[], open: string[]) {
  return (c: Citation, o?: { reason: string }) => {
    if (!citations.some((x) => x.source === c.source && x.note === c.note)) citations.push(c);
    if (o && !open.includes(o.reason)) open.push(o.reason);
  };
}

function fmtCitation(c: Citation): string {
  return `${c.source} [${c.strength}]`;
}

/** The opening/closing rules in force for this room now, with why the others are not. */
function hoursRules(
  pack: RulePack,
  room: Room,
  months: number[],
): { rules: OpeningClosingRule[]; notes: string[] } {
  const since = room.minutesSinceOpening;
  const until = room.minutesUntilClosing;
  const rules: OpeningClosingRule[] = [];
  const notes: string[] = [];
  for (const rule of pack.openingClosing ?? []) {
    const w = rule.windowMinutes;
    const source = fmtCitation(rule.citation);
    if (since === undefined && until === undefined) {
      notes.push(
        `Opening/closing: the center's hours are not known here, so the first/last ${w} minutes rule is not applied (${source}).`,
      );
      continue;
    }
    const inWindow =
      (since !== undefined && since >= 0 && since < w) ||
      (until !== undefined && until > 0 && until <= w);
    if (!inWindow) continue;
    if (rule.minOpenMinutes !== null) {
      const day = since !== undefined && until !== undefined ? since + until : undefined;
      if (day === undefined || day < rule.minOpenMinutes) {
        notes.push(
          `Opening/closing: the first/last ${w} minutes rule needs a day of at least ${rule.minOpenMinutes} minutes; ` +
            `${day === undefined ? "the day's length is not known" : `today is open ${day}`}, so it is not applied (${source}).`,
        );
        continue;
      }
    }
    if (rule.minChildMonths !== null && months.some((m) => m < rule.minChildMonths!)) {
      notes.push(
        `Opening/closing: the first/last ${w} minutes rule is only for children ${rule.minChildMonths} months and older; ` +
          `a younger child is present, so it is not applied (${source}).`,
      );
      continue;
    }
    rules.push(rule);
  }
  return { rules, notes };
}

export function evaluateRoom(
  pack: RulePack,
  room: Room,
  options: EvaluateOptions,
): Result<Evaluation> {
  const at = options.at;
  const atIso = isoOf(at);
  const onDate = options.localDate ?? atIso.slice(0, 10);
  const months = room.children.map(
    (c) => c.ageMonths ?? completedMonths(c.birthDate as string, onDate),
  );
  const chosen = chooseProgram(pack, room, months);
  if (!chosen.ok) return chosen;
  const program = chosen.value;

  const citations: Citation[] = [];
  const open: string[] = [];
  const cite = citer(citations, open);
  const explanation: string[] = [];
  const reasons: string[] = [];

  const placed: Placed[] = room.children.map((c, i) => {
    const m = months[i] as number;
    return { id: c.id ?? null, months: m, band: bandFor(program, m) };
  });
  const uncovered = placed.filter((p) => p.band === null);

  // The governing band: the program's mixed-age method over the covered children, made at least
  // as strict as the band standing in for each child outside the program's bands (a child outside
  // them is also a reason the room is out of compliance). When a stand-in
  // from another program governs, that program's aide and nap rules staff the group.
  const covered = governingBand(program, placed);
  let governing: StandIn | null = covered ? { band: covered, program } : null;
  let groupCap = covered ? groupOf(covered) : Number.POSITIVE_INFINITY;
  for (const u of uncovered) {
    reasons.push(
      `child ${u.id ?? "(no id)"} is ${u.months} months old, outside every age band of ${program.label}`,
    );
    const s = standInFor(pack, u.months);
    if (s === null) continue;
    if (governing === null || stricter(s.band, governing.band) < 0) governing = s;
    groupCap = Math.min(groupCap, groupOf(s.band));
    if (s.program !== program) cite(s.band.citation, s.band.open);
    cite(program.mixedAge.citation, program.mixedAge.open);
    explanation.push(
      `Child ${u.id ?? "(no id)"} (${u.months} months) is outside every band of ${program.label}; ` +
        `the group is staffed at least as strictly as ${s.band.label} (${s.program.label}), the youngest band covering that age.`,
    );
  }
  // With no child in a band of the pack, the program's strictest band stands in: it can only
  // over-require staff.
  governing ??= { band: [...program.bands].sort(stricter)[0] as Band, program };
  const staffing = governing.program;
  const packBand = governing.band;
  const band: Band =
    groupCap === groupOf(packBand)
      ? packBand
      : { ...packBand, maxGroup: Number.isFinite(groupCap) ? groupCap : null };

  // The center's policy for the governing band, when it has one (it can only be stricter).
  cite(band.citation, band.open);
  const policy = options.policy?.bands[band.id];
  const ratio = policy ? Math.min(policy.ratio, band.ratio) : band.ratio;
  let maxGroup = policy
    ? policy.maxGroup === null
      ? band.maxGroup
      : Math.min(policy.maxGroup, band.maxGroup ?? Infinity)
    : band.maxGroup;
  const ruleSource = policy
    ? "center policy"
    : /^[A-Z]{2}-/.test(pack.code)
      ? `state ${pack.code}`
      : `reference ${pack.code}`;
  explanation.push(
    `Rule: ${pack.name}, ${program.label}, ${band.label}: 1 staff : ${band.ratio} children, ` +
      `max group ${band.maxGroup ?? "none"} (${fmtCitation(band.citation)}).`,
  );
  if (policy) {
    explanation.push(
      `Center policy for ${band.label} is stricter and applies whole: 1 : ${ratio}, max group ${maxGroup ?? "none"}.`,
    );
  }

  // Opening and closing: rules for the first and last minutes of the day.
  const hours = hoursRules(pack, room, months);
  explanation.push(...hours.notes);
  const pairsWaived = hours.rules.find((r) => r.waiveForbiddenPairs);

  const presentBands = [...new Set(bandsOf(placed))];
  if (presentBands.length > 1) {
    cite(program.mixedAge.citation, program.mixedAge.open);
    explanation.push(
      `Mixed ages (${presentBands.map((b) => b.label).join(", ")}): ${program.mixedAge.method} method, ` +
        `so ${band.label} governs (${fmtCitation(program.mixedAge.citation)}).`,
    );
    for (const [a, b] of program.mixedAge.forbiddenPairs) {
      if (presentBands.some((x) => x.id === a) && presentBands.some((x) => x.id === b)) {
        if (pairsWaived) {
          cite(pairsWaived.citation, pairsWaived.open);
          explanation.push(
            `Opening/closing: ${a} and ${b} may be together in the first/last ${pairsWaived.windowMinutes} minutes (${fmtCitation(pairsWaived.citation)}).`,
          );
        } else {
          reasons.push(`${a} and ${b} may not share a group (${program.mixedAge.citation.source})`);
        }
      }
    }
  }

  const spread = program.mixedAge.infantSpread;
  if (spread && placed.length > 1) {
    const ages = placed.map((p) => p.months);
    const youngest = Math.min(...ages);
    const oldest = Math.max(...ages);
    if (youngest <= spread.infantMaxMonths && oldest - youngest > spread.maxSpreadMonths) {
      cite(program.mixedAge.citation, program.mixedAge.open);
      reasons.push(
        `an infant (${youngest} months) is grouped with a child ${oldest - youngest} months older; ` +
          `at most ${spread.maxSpreadMonths} months apart is allowed (${program.mixedAge.citation.source})`,
      );
    }
  }

  const staff = countStaff(pack, staffing, room.staff, onDate);
  if (staff.notCounted.length > 0) cite(pack.staff.citation, pack.staff.open);
  const trainees = [...staff.full, ...staff.aides].filter((p) => p.trainee);
  if (trainees.length > 0 && pack.staff.trainees) {
    cite(pack.staff.trainees.citation, pack.staff.trainees.open);
    explanation.push(
      `Counted as in approved training (under ${pack.staff.minAge}, at least ${pack.staff.trainees.minAge}; never the qualified teacher): ` +
        `${trainees.map((t) => t.id ?? t.role).join(", ")} (${fmtCitation(pack.staff.trainees.citation)}).`,
    );
  }

  // Opening/closing ratio: a looser ratio the rule allows, unless the center's policy governs.
  const n = room.children.length;
  let effectiveRatio = ratio;
  for (const rule of hours.rules) {
    cite(rule.citation, rule.open);
    if (policy && (rule.ratio !== null || rule.waiveGroupSize)) {
      explanation.push(
        "Opening/closing: the center's stricter policy applies, so the first/last-minutes relaxation is not used.",
      );
      continue;
    }
    if (rule.ratio !== null && rule.ratio > effectiveRatio) {
      effectiveRatio = rule.ratio;
      explanation.push(
        `Opening/closing: in the first/last ${rule.windowMinutes} minutes of the day 1 staff : ${rule.ratio} applies (${fmtCitation(rule.citation)}).`,
      );
    }
    if (rule.waiveGroupSize && maxGroup !== null) {
      maxGroup = null;
      explanation.push(
        `Opening/closing: no maximum group size in the first/last ${rule.windowMinutes} minutes of the day (${fmtCitation(rule.citation)}).`,
      );
    }
  }

  // Nap relaxation: every child's band must be covered, and its condition met.
  let napRelaxation = false;
  let aideNap = false;
  const nap = room.napping
    ? staffing.nap.find(
        (r) => presentBands.length > 0 && presentBands.every((b) => r.bands.includes(b.id)),
      )
    : undefined;
  if (room.napping && !nap)
    explanation.push("Napping: this rule has no nap relaxation for these ages.");
  if (nap && policy) {
    explanation.push(
      "Napping: the center's stricter policy applies, so the nap relaxation is not used.",
    );
  } else if (nap && uncovered.length === 0) {
    cite(nap.citation, nap.open);
    // The staff the awake ratio needs beyond those in the room, counted by capacity: an aide only
    // adds what the aide rule lets them add, so they never stand in for a whole teacher here.
    const awakeCapacity = capacity(staffing, ratio, staff.full.length, staff.aides.length).children;
    const missing = Math.max(0, Math.ceil((n - awakeCapacity) / ratio));
    if (nap.condition === "none" || room.premisesAvailableStaff >= missing) {
      const before = effectiveRatio;
      effectiveRatio = Math.max(effectiveRatio, nap.ratio);
      napRelaxation = effectiveRatio !== before;
      aideNap = nap.aideInPlaceOfTeacher === true && staff.aides.length > 0;
      explanation.push(
        `Napping: 1 staff : ${nap.ratio} napping children applies (${fmtCitation(nap.citation)})` +
          (nap.condition === "none"
            ? ""
            : `; the ${missing} more staff the awake ratio needs are available on the premises (${room.premisesAvailableStaff})`) +
          (aideNap ? "; an aide may supervise the napping children in place of a teacher" : "") +
          ".",
      );
    } else {
      explanation.push(
        `Napping: 1 : ${nap.ratio} would apply only if ${missing} more countable staff were immediately ` +
          `available at the center; ${room.premisesAvailableStaff} are, so the awake ratio stands (${fmtCitation(nap.citation)}).`,
      );
    }
  }

  // Children per counted staff: aides add what the aide rule lets them, except while they stand
  // in for a teacher at nap time, when each counts like a teacher.
  const capOf = (full: number, aides: number) =>
    aideNap
      ? { children: effectiveRatio * (full + aides), usableAides: aides }
      : capacity(staffing, effectiveRatio, full, aides);
  const requiredStaff = Math.ceil(n / effectiveRatio);
  const cap = capOf(staff.full.length, staff.aides.length);
  for (const a of staff.aides.slice(cap.usableAides)) {
    staff.notCounted.push({
      id: a.id,
      role: a.role,
      reason:
        staff.full.length === 0
          ? "an aide may not supervise a group without a teacher"
          : `more aides than ${staffing.aides?.maxPerTeacher} per teacher`,
    });
  }
  if (staffing.aides && staff.aides.length > 0) cite(staffing.aides.citation, staffing.aides.open);
  const counted = [...staff.full, ...staff.aides.slice(0, cap.usableAides)];
  const countedStaff = counted.length;
  const ratioOk = cap.children >= n && countedStaff >= requiredStaff;
  explanation.push(
    `Children: ${n} → required staff ceil(${n} / ${effectiveRatio}) = ${requiredStaff}; counted staff: ${countedStaff}` +
      (staffing.aides && staff.aides.length > 0 && !aideNap
        ? ` (capacity ${effectiveRatio} × ${staff.full.length} + ${staffing.aides.adds} × ${cap.usableAides} aide(s) = ${cap.children})`
        : "") +
      ".",
  );
  for (const x of staff.notCounted)
    explanation.push(`Not counted: ${x.id ?? x.role} (${x.role}): ${x.reason}.`);

  let staffShort = 0;
  if (!ratioOk) {
    staffShort = Math.max(
      requiredStaff - countedStaff,
      Math.ceil((n - cap.children) / effectiveRatio),
      1,
    );
    reasons.push(
      `short by ${staffShort} counted staff: ${countedStaff} for ${n} children at 1 : ${effectiveRatio}`,
    );
  }
  const needsQualified = pack.staff.requiresQualifiedTeacher && !aideNap;
  const qualifiedOk = !needsQualified || n === 0 || counted.some((c) => c.qualified);
  if (!qualifiedOk) {
    cite(pack.staff.citation, pack.staff.open);
    reasons.push("no counted staff member is a qualified teacher");
  }

  // A teacher with an assistant may have a larger group of older children (IL 407.190(b)).
  const team = staffing.teamGroup;
  if (
    team &&
    !policy &&
    n > 0 &&
    maxGroup !== null &&
    maxGroup < team.maxGroup &&
    months.every((m) => m >= team.minChildMonths)
  ) {
    cite(team.citation, team.open);
    if (countedStaff >= 2 && counted.some((c) => c.qualified)) {
      maxGroup = team.maxGroup;
      explanation.push(
        `A qualified teacher with an assistant may have up to ${team.maxGroup} children all ${team.minChildMonths} months or older (${fmtCitation(team.citation)}).`,
      );
    } else {
      explanation.push(
        `Up to ${team.maxGroup} children would be allowed with a qualified teacher and an assistant both counted (${fmtCitation(team.citation)}).`,
      );
    }
  }

  const groupOk = maxGroup === null || n <= maxGroup;
  if (!groupOk)
    reasons.push(`group of ${n} is over the maximum group size of ${maxGroup}: split the group`);
  explanation.push(
    maxGroup === null
      ? `Group size: ${n} (no maximum).`
      : `Group size: ${n} of at most ${maxGroup}.`,
  );

  const compliant = reasons.length === 0;
  const criticalAfter = options.policy?.violationCriticalAfterMinutes ?? 5;
  const openMinutes =
    room.violationSince === undefined
      ? 0
      : (at.getTime() - new Date(room.violationSince).getTime()) / 60_000;
  let status: RatioStatus;
  let note: string | null = null;
  let oneLessBreaches = false;
  if (compliant) {
    // Approaching means the next check-in breaches. Losing a staff member is not an alert on its
    // own (every single-staffed room would be amber all day); it is a note on the card, and a
    // planned break or shift end that would breach shows up in the forecast (`rules/approaching`).
    const moreChild = cap.children < n + 1 || (maxGroup !== null && n + 1 > maxGroup);
    const fewer = fewerStaffBreaches(capOf, counted, cap.usableAides, n, needsQualified);
    oneLessBreaches = fewer !== null;
    status = n > 0 && moreChild ? "approaching" : "ok";
    if (status === "approaching") explanation.push("Approaching: one more child would breach.");
    if (fewer !== null) {
      note = coverNote(fewer, countedStaff);
      explanation.push(`Note: ${note} (one fewer counted staff member would breach).`);
    }
  } else {
    const unstaffed = n > 0 && countedStaff === 0;
    const overdue = openMinutes >= criticalAfter;
    if (unstaffed) reasons.push("children with no counted staff");
    if (overdue)
      reasons.push(
        `out of compliance for ${Math.floor(openMinutes)} minutes (limit ${criticalAfter})`,
      );
    status = unstaffed || staffShort >= 2 || overdue ? "critical" : "violation";
  }

  const canTake = compliant
    ? Math.max(
        0,
        Math.min(cap.children - n, maxGroup === null ? Number.POSITIVE_INFINITY : maxGroup - n),
      )
    : 0;
  const slack = !compliant
    ? staffShort > 0
      ? `needs ${staffShort} more qualified staff`
      : (reasons[0] ?? "out of compliance")
    : canTake > 0
      ? `can take ${canTake} more ${band.label.toLowerCase()}`
      : n === 0
        ? "no children"
        : "full: one more child would breach";
  explanation.push(`Status: ${status}${reasons.length > 0 ? ` (${reasons.join("; ")})` : ""}.`);

  return ok({
    jurisdiction: pack.code,
    program: program.id,
    ruleSource,
    at: atIso,
    status,
    compliant,
    governingBand: { id: band.id, label: band.label, ratio, maxGroup: band.maxGroup },
    napRelaxation,
    children: n,
    requiredStaff,
    countedStaff,
    counted: counted.map((c) => ({ id: c.id, role: c.role })),
    notCounted: staff.notCounted,
    groupSize: n,
    maxGroupSize: maxGroup,
    canTake,
    staffShort,
    slack,
    note,
    oneLessBreaches,
    forecastBreach: null,
    reasons,
    explanation,
    citations,
    open,
  });
}

type Loss = "capacity" | "qualified";

/** Would losing any one counted person breach, and why (null: nobody is indispensable). */
function fewerStaffBreaches(
  cap: (full: number, aides: number) => { children: number },
  counted: { qualified: boolean; aide: boolean }[],
  usableAides: number,
  n: number,
  needsQualified: boolean,
): Loss | null {
  if (n === 0) return null;
  const full = counted.length - usableAides;
  // Losing a fully counted member costs the most capacity, and may strand aides beside them.
  if (full > 0 && cap(full - 1, usableAides).children < n) return "capacity";
  if (usableAides > 0 && cap(full, usableAides - 1).children < n) {
    return "capacity";
  }
  return needsQualified && counted.filter((c) => c.qualified).length === 1 ? "qualified" : null;
}

/** The card's words for a room that cannot lose anyone: a heads-up, not an alert. */
function coverNote(loss: Loss, countedStaff: number): string {
  if (loss === "qualified") return "1 qualified teacher — cover needed before a break";
  return countedStaff === 1
    ? "1 staff — cover needed before a break"
    : `${countedStaff} staff, all needed — cover needed before a break`;
}
