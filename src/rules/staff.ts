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

/** Why a staff member does not count, or null when they do. */
function notCountedReason(rules: RulePack["staff"], s: StaffIn, onDate: string): string | null {
  if (s.onBreak) return "on break";
  const age = ageYears(s, onDate);
  if (age < rules.minAge) return `${age} years old, under the minimum age of ${rules.minAge}`;
  if (s.role === "volunteer" && !rules.volunteersCount) return "volunteers do not count";
  if (s.role === "director" && rules.directorOnlyWhenEngaged && !s.engagedInCare) {
    return "director not engaged in care";
  }
  const expired = s.expiredCredentials.filter((c) => rules.credentialsToCount.includes(c));
  return expired.length > 0 ? `expired ${expired.join(", ")}` : null;
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
    const reason = notCountedReason(rules, s, onDate);
    if (reason !== null) result.notCounted.push({ id, role: s.role, reason });
    else {
      const qualified = s.qualified ?? qualifiedByDefault.has(s.role);
      // Where aides only add capacity beside a teacher, anyone not qualified as a teacher is an aide.
      const aide = program.aides !== null && !qualified;
      (aide ? result.aides : result.full).push({ id, role: s.role, qualified, aide });
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
