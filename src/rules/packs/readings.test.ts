/**
 * The readings issue 22 fixed, through the real packs and the real evaluator, each on both sides
 * of every limit: CA nap-time aides (§101230(c)(1), §101416.5(d)(1)), CA school-age groups with a
 * younger child (§101516.5(c)), IL teacher + assistant up to 30 (407.190(b)), PA trainees
 * (§3270.31(c)), and the opening/closing rules (TX 746.1615, IL 407.190(d)(4)).
 */
import { describe, expect, it } from "vitest";
import { evaluateAhead } from "../approaching.js";
import { evaluateRoom } from "../evaluate.js";
import { type Evaluation, type RoomInput, roomInputSchema } from "../evaluation.js";
import { forecastRoom } from "../forecast.js";
import type { CenterPolicy, RulePack } from "../pack.js";
import { getRulePack } from "./index.js";

const at = new Date("2026-11-23T17:00:00Z");

function evaluate(code: string, input: RoomInput, policy?: CenterPolicy): Evaluation {
  const pack = getRulePack(code) as RulePack;
  const result = evaluateRoom(pack, roomInputSchema.parse(input), { at, policy });
  if (!result.ok) throw result.error;
  return result.value;
}

let seq = 0;
const kids = (n: number, ageMonths: number) =>
  Array.from({ length: n }, () => ({ id: `k${seq++}`, ageMonths }));
const teacher = (id = "t") => ({ id, ageYears: 30, role: "teacher" as const });
const aide = (id = "a", ageYears = 30) => ({ id, ageYears, role: "aide" as const });
const sources = (e: Evaluation) => e.citations.map((c) => c.source).join(" | ");

describe("CA nap time: an aide in place of a teacher", () => {
  const preschool = (n: number, premises: number, staff: RoomInput["staff"]) =>
    evaluate("US-CA", {
      program: "preschool",
      napping: true,
      premisesAvailableStaff: premises,
      children: kids(n, 40),
      staff,
    });

  it("an aide alone may have up to 24 napping preschoolers if the awake-ratio teachers are on hand", () => {
    // Awake, 24 need 2 teachers (1:12) and the aide adds nothing without a teacher: 2 on hand.
    const ok = preschool(24, 2, [aide()]);
    expect(ok).toMatchObject({ compliant: true, napRelaxation: true, countedStaff: 1 });
    expect(sources(ok)).toMatch(/101230\(c\),\(c\)\(1\).*in place of the teacher/);
    expect(preschool(25, 3, [aide()])).toMatchObject({ compliant: false, requiredStaff: 2 });
    expect(preschool(24, 1, [aide()]).compliant).toBe(false);
  });

  it("a teacher and an aide each cover 24 napping preschoolers, not 24 + 3", () => {
    // Awake capacity 12 + 3 = 15, so 48 napping need ceil(33/12) = 3 more on the premises.
    expect(preschool(48, 3, [teacher(), aide()])).toMatchObject({
      compliant: true,
      status: "approaching",
    });
    expect(preschool(48, 2, [teacher(), aide()]).compliant).toBe(false);
    expect(preschool(49, 4, [teacher(), aide()]).compliant).toBe(false);
  });

  it("awake, an aide alone still may not supervise, and an aide under 18 never counts", () => {
    const awake = evaluate("US-CA", {
      program: "preschool",
      children: kids(5, 40),
      staff: [aide()],
    });
    expect(awake.compliant).toBe(false);
    expect(awake.notCounted[0]?.reason).toMatch(/without a teacher/);
    expect(preschool(10, 2, [aide("minor", 17)]).compliant).toBe(false);
  });

  it("an aide may have up to 12 sleeping infants when the 1:4 teachers are on hand", () => {
    const infants = (n: number, premises: number) =>
      evaluate("US-CA", {
        program: "infant_care_center",
        napping: true,
        premisesAvailableStaff: premises,
        children: kids(n, 6),
        staff: [aide()],
      });
    const ok = infants(12, 3);
    expect(ok).toMatchObject({ compliant: true, napRelaxation: true });
    expect(sources(ok)).toMatch(/101416\.5\(d\),\(d\)\(1\)/);
    expect(infants(12, 2).compliant).toBe(false);
    expect(infants(13, 4).compliant).toBe(false);
  });
});

describe("CA school-age group with a younger child (§101516.5(c))", () => {
  const schoolAge = (children: RoomInput["children"], staff: RoomInput["staff"]) =>
    evaluate("US-CA", { program: "school_age", children, staff });

  it("a 50-month-old in a group of 13 needs 1:12: 2 staff, and is still reported", () => {
    const one = schoolAge([...kids(12, 90), ...kids(1, 50)], [teacher()]);
    expect(one).toMatchObject({ compliant: false, requiredStaff: 2, staffShort: 1 });
    expect(one.governingBand.id).toBe("preschool");
    const two = schoolAge([...kids(12, 90), ...kids(1, 50)], [teacher("t1"), teacher("t2")]);
    expect(two).toMatchObject({ requiredStaff: 2, staffShort: 0 });
    expect(two.reasons).toEqual([
      expect.stringMatching(/50 months old, outside every age band of School-age/),
    ]);
    // 12 with the younger child: 1:12 needs one teacher.
    expect(schoolAge([...kids(11, 90), ...kids(1, 50)], [teacher()])).toMatchObject({
      requiredStaff: 1,
      staffShort: 0,
    });
  });

  it("a kindergartner under 60 months is staffed at 1:12, never at 1:14", () => {
    expect(schoolAge([...kids(11, 70), ...kids(1, 58)], [teacher()]).staffShort).toBe(0);
    expect(schoolAge([...kids(12, 70), ...kids(1, 58)], [teacher()])).toMatchObject({
      requiredStaff: 2,
      staffShort: 1,
    });
    // The same 13 all 60 months or older: school-age 1:14, one teacher.
    expect(schoolAge(kids(13, 60), [teacher()]).compliant).toBe(true);
  });

  it("the younger group's aide rule applies: an aide adds 3 (preschool), not 14", () => {
    const group = (n: number) => [...kids(n - 1, 90), ...kids(1, 50)];
    expect(schoolAge(group(15), [teacher(), aide()]).staffShort).toBe(0);
    expect(schoolAge(group(16), [teacher(), aide()]).staffShort).toBe(1);
  });

  it("a toddler-age child makes it 1:6 with a group of 12", () => {
    expect(schoolAge([...kids(5, 90), ...kids(1, 30)], [teacher()]).staffShort).toBe(0);
    expect(schoolAge([...kids(6, 90), ...kids(1, 30)], [teacher()]).staffShort).toBe(1);
    const big = schoolAge(
      [...kids(12, 90), ...kids(1, 30)],
      [1, 2, 3].map((i) => teacher(`t${i}`)),
    );
    expect(big.reasons.join("; ")).toMatch(/maximum group size of 12/);
  });

  it("elsewhere a child outside the program's bands is still a violation, staffed at least as strictly", () => {
    // IL school-age (1:20) with a two-year-old (1:8, group 16): 10 children need 2 staff.
    const il = evaluate("US-IL", {
      program: "school_age",
      children: [...kids(9, 90), ...kids(1, 30)],
      staff: [teacher()],
    });
    expect(il.requiredStaff).toBe(2);
    expect(il.reasons.join("; ")).toMatch(/outside every age band/);
    // CA preschool named with an 80-month-old: still outside, and preschool's 1:12 stands.
    const ca = evaluate("US-CA", {
      program: "preschool",
      children: [...kids(12, 40), ...kids(1, 80)],
      staff: [teacher()],
    });
    expect(ca).toMatchObject({ compliant: false, requiredStaff: 2 });
    expect(ca.reasons.join("; ")).toMatch(/outside every age band/);
  });
});

describe("IL 407.190(b): a teacher with an assistant, up to 30 children all 5 or older", () => {
  const assistant = { id: "as", ageYears: 25, role: "assistant" as const };
  const group = (children: RoomInput["children"], staff: RoomInput["staff"]) =>
    evaluate("US-IL", { program: "early_childhood", children, staff });

  it("30 five-year-olds with a teacher and an assistant; 31 is over", () => {
    const ok = group(kids(30, 62), [teacher(), assistant]);
    expect(ok).toMatchObject({ compliant: true, maxGroupSize: 30, canTake: 0 });
    expect(sources(ok)).toMatch(/407\.190\(b\)/);
    const over = group(kids(31, 62), [teacher(), assistant, teacher("t2")]);
    expect(over.reasons.join("; ")).toMatch(/maximum group size of 30/);
  });

  it("not with one counted adult, nor with a child under 5, nor without a qualified teacher", () => {
    const alone = group(kids(21, 62), [teacher(), { id: "v", ageYears: 30, role: "volunteer" }]);
    expect(alone.compliant).toBe(false);
    expect(group(kids(20, 62), [teacher()]).compliant).toBe(true);
    const young = group([...kids(20, 62), ...kids(1, 59)], [teacher(), assistant, teacher("t2")]);
    expect(young.reasons.join("; ")).toMatch(/maximum group size of 20/);
    const noTeacher = group(kids(25, 62), [assistant, { ...assistant, id: "as2" }]);
    expect(noTeacher.compliant).toBe(false);
  });
});

describe("PA §3270.31(c): 16- and 17-year-olds in approved training", () => {
  // One child over what one teacher may have (PA preschool 1:10, CA preschool 1:12).
  const room = (extra: RoomInput["staff"][number], code = "US-PA") =>
    evaluate(code, {
      children: kids(code === "US-PA" ? 11 : 13, 40),
      staff: [teacher(), extra],
    });
  const trainee = (ageYears: number, approvedTraining?: boolean) => ({
    id: "y",
    ageYears,
    role: "assistant" as const,
    approvedTraining,
  });

  it("counts when marked as in approved training, from 16", () => {
    const seventeen = room(trainee(17, true));
    expect(seventeen).toMatchObject({ compliant: true, countedStaff: 2 });
    expect(sources(seventeen)).toMatch(/3270\.31\(c\)/);
    expect(room(trainee(16, true)).compliant).toBe(true);
  });

  it("does not count unmarked, under 16, or where the pack has no such rule", () => {
    expect(room(trainee(17)).compliant).toBe(false);
    expect(room(trainee(17, false)).notCounted[0]?.reason).toMatch(
      /not marked as in approved training/,
    );
    expect(room(trainee(15, true)).compliant).toBe(false);
    expect(room(trainee(17, true), "US-CA").compliant).toBe(false);
  });

  it("is never the group's qualified teacher", () => {
    const alone = evaluate("US-PA", {
      children: kids(5, 40),
      staff: [{ ...trainee(17, true), role: "teacher" as const }],
    });
    expect(alone.reasons).toContain("no counted staff member is a qualified teacher");
  });
});

describe("opening and closing", () => {
  const tx = (
    children: RoomInput["children"],
    staff: number,
    hours: Pick<RoomInput, "minutesSinceOpening" | "minutesUntilClosing">,
    policy?: CenterPolicy,
  ) =>
    evaluate(
      "US-TX",
      { children, staff: Array.from({ length: staff }, (_, i) => teacher(`t${i}`)), ...hours },
      policy,
    );

  it("TX: 1:16 for children 18 months and older in the 45 minutes after opening", () => {
    // Two-year-olds are 1:11 by the table.
    expect(tx(kids(16, 24), 1, { minutesSinceOpening: 0 }).compliant).toBe(true);
    expect(tx(kids(16, 24), 1, { minutesSinceOpening: 44 }).compliant).toBe(true);
    expect(tx(kids(16, 24), 1, { minutesSinceOpening: 45 }).compliant).toBe(false);
    expect(tx(kids(16, 24), 1, { minutesSinceOpening: -1 }).compliant).toBe(false);
    expect(tx(kids(17, 24), 1, { minutesSinceOpening: 10 }).compliant).toBe(false);
    const e = tx(kids(16, 24), 1, { minutesSinceOpening: 10 });
    expect(sources(e)).toMatch(/746\.1615/);
    expect(e.explanation.join("\n")).toMatch(/1 staff : 16/);
  });

  it("TX: and in the 45 minutes before closing", () => {
    expect(tx(kids(16, 24), 1, { minutesUntilClosing: 45 }).compliant).toBe(true);
    expect(tx(kids(16, 24), 1, { minutesUntilClosing: 1 }).compliant).toBe(true);
    expect(tx(kids(16, 24), 1, { minutesUntilClosing: 46 }).compliant).toBe(false);
    expect(tx(kids(16, 24), 1, { minutesUntilClosing: 0 }).compliant).toBe(false);
  });

  it("TX: not with a child under 18 months, not without the hours, never tighter than the table", () => {
    expect(tx([...kids(15, 24), ...kids(1, 18)], 1, { minutesSinceOpening: 5 }).compliant).toBe(
      true,
    );
    expect(tx([...kids(15, 24), ...kids(1, 17)], 1, { minutesSinceOpening: 5 }).compliant).toBe(
      false,
    );
    const unknown = tx(kids(16, 24), 1, {});
    expect(unknown.compliant).toBe(false);
    expect(unknown.explanation.join("\n")).toMatch(/hours are not known/);
    // Four-year-olds are 1:18 by the table: the opening rule does not lower it to 16.
    expect(tx(kids(18, 48), 1, { minutesSinceOpening: 5 }).compliant).toBe(true);
    // The group size still holds (two-year-olds: 22).
    expect(tx(kids(23, 24), 2, { minutesSinceOpening: 5 }).reasons.join("; ")).toMatch(/group/);
  });

  it("TX: a center's stricter policy for the band keeps its ratio", () => {
    const policy = {
      bands: { two_years: { ratio: 10, maxGroup: null } },
      violationCriticalAfterMinutes: 5,
    };
    expect(tx(kids(16, 24), 1, { minutesSinceOpening: 5 }, policy).compliant).toBe(false);
  });

  it("IL: all ages together in the first and last hour of a day of 10 hours or more", () => {
    const il = (since?: number, until?: number) =>
      evaluate("US-IL", {
        program: "early_childhood",
        children: [...kids(1, 6), ...kids(1, 40)],
        staff: [teacher()],
        minutesSinceOpening: since,
        minutesUntilClosing: until,
      });
    const first = il(30, 600);
    expect(first.compliant).toBe(true);
    expect(sources(first)).toMatch(/407\.190\(d\)\(4\)/);
    expect(il(59, 600).compliant).toBe(true);
    expect(il(60, 600).reasons.join("; ")).toMatch(/may not share a group/);
    expect(il(600, 60).compliant).toBe(true);
    expect(il(599, 61).compliant).toBe(false);
    // A day shorter than 10 hours, or of unknown length: the combinations of 407.190(d) stand.
    expect(il(10, 589).compliant).toBe(false);
    expect(il(10, 590).compliant).toBe(true);
    expect(il(10, undefined).compliant).toBe(false);
    // The youngest child's ratio still applies: 5 with an infant need 2 staff.
    const five = evaluate("US-IL", {
      program: "early_childhood",
      children: [...kids(1, 6), ...kids(4, 40)],
      staff: [teacher()],
      minutesSinceOpening: 5,
      minutesUntilClosing: 700,
    });
    expect(five).toMatchObject({ compliant: false, requiredStaff: 2 });
  });
});

describe("opening/closing through the forecast and the recheck", () => {
  const tx = getRulePack("US-TX") as RulePack;
  const now = new Date("2026-11-23T12:30:00Z");
  const room = (since: number, until: number) =>
    roomInputSchema.parse({
      children: kids(16, 24),
      staff: [teacher("t1"), teacher("t2")],
      minutesSinceOpening: since,
      minutesUntilClosing: until,
    });

  it("moves the minutes on with the forecast: the window is over for an event after it", () => {
    // 30 minutes after opening two teachers have 16 two-year-olds; one leaves 20 minutes later,
    // at minute 50: outside the window 1:11 applies, so that is a breach (at minute 10 it is not).
    const leaves = (minutes: number) => ({
      type: "staff.leaves" as const,
      at: new Date(now.getTime() + minutes * 60_000).toISOString(),
      staffId: "t2",
    });
    const later = forecastRoom(tx, now, room(30, 600), [leaves(20)], {
      roomId: "r1",
      localDate: "2026-11-23",
    });
    expect(later.ok && later.value.firstBreach?.at).toBe(
      new Date(now.getTime() + 20 * 60_000).toISOString(),
    );
    const inside = forecastRoom(tx, now, room(10, 620), [leaves(20)], {
      roomId: "r1",
      localDate: "2026-11-23",
    });
    expect(inside.ok && inside.value.firstBreach).toBeNull();
  });

  it("looks again when the window ends", () => {
    const ahead = evaluateAhead(tx, room(30, 600), [], {
      at: now,
      roomId: "r1",
      localDate: "2026-11-23",
      timeZone: "America/Chicago",
    });
    expect(ahead.ok && ahead.value.recheckAt).toBe(
      new Date(now.getTime() + 15 * 60_000).toISOString(),
    );
  });
});
