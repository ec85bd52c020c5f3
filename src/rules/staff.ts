/**
 * @module rules/staff
 * Who counts toward ratio in a room, and who does not and why, under a pack's staff rules.
 */
import { completedYears } from "./ages.js";
import type { Room } from "./evaluation.js";
import type { Program, RulePack } from "./pack.js";

type StaffIn = Room["staff"][number];

export interface CountedPerson {
  id: string | null;
  role: string;
  qualified: boolean;
  /** Counted as an aide who adds capacity only alongside a teacher (programs with an aide rule). */
  aide: boolean;
  /** Under the pack's minimum age, counted as a trainee in an approved program. */
  trainee: boolean;
}

export interface StaffCount {
  full: CountedPerson[];
  aides: CountedPerson[];
  notCounted: { id: string | null; role: string; reason: string }[];
}

const qualifiedByDefault = new Set(["teacher", "caregiver", "director", "floater"]);

function ageYears(s: StaffIn, onDate: string): number {
  return s.ageYears ?? completedYears(s.birthDate as string, onDate);
}

/**
 * Sorts the room's staff into those who count fully, aides who count only beside a teacher (under
 * an aide rule), and everyone else with the reason they do not count.
 */
export function countStaff(
  pack: RulePack,
  program: Program,
  staff: readonly StaffIn[],
  onDate: string,
): StaffCount {
  const rules = pack.staff;
  const result: StaffCount = { full: [], aides: [], notCounted: [] };
  for (const s of staff) {
    const id = s.id ?? null;
    const no = (reason: string) => result.notCounted.push({ id, role: s.role, reason });
    const age = ageYears(s, onDate);
    const expired = s.expiredCredentials.filter((c) => rules.credentialsToCount.includes(c));
    const trainee =
      age < rules.minAge &&
      s.approvedTraining === true &&
      rules.trainees !== undefined &&
      age >= rules.trainees.minAge;
    if (s.onBreak) no("on break");
    else if (age < rules.minAge && !trainee) {
      no(
        `${age} years old, under the minimum age of ${rules.minAge}` +
          (rules.trainees === undefined
            ? ""
            : s.approvedTraining
              ? ` (${rules.trainees.minAge} in approved training)`
              : " and not marked as in approved training"),
      );
    } else if (rules.rolesNotCounted?.includes(s.role)) {
      no(`${s.role}s do not count toward ratio here`);
    } else if (s.role === "volunteer" && !rules.volunteersCount) no("volunteers do not count");
    else if (s.role === "director" && rules.directorOnlyWhenEngaged && !s.engagedInCare) {
      no("director not engaged in care");
    } else if (expired.length > 0) no(`expired ${expired.join(", ")}`);
    else {
      // A trainee is used as a staff person, never as the group's qualified teacher.
      const qualified = !trainee && (s.qualified ?? qualifiedByDefault.has(s.role));
      // Where aides only add capacity beside a teacher, anyone not qualified as a teacher is an aide.
      const aide = program.aides !== null && !qualified;
      (aide ? result.aides : result.full).push({ id, role: s.role, qualified, aide, trainee });
    }
  }
  return result;
}

/**
 * Children the counted staff may have: each counted person `ratio`, except aides under an aide
 * rule, who add `adds` each, and only up to `maxPerTeacher` per teacher.
 */
export function capacity(
  program: Program,
  ratio: number,
  full: number,
  aides: number,
): { children: number; usableAides: number } {
  if (program.aides === null) return { children: ratio * (full + aides), usableAides: aides };
  const usableAides = Math.min(aides, program.aides.maxPerTeacher * full);
  return { children: ratio * full + program.aides.adds * usableAides, usableAides };
}
