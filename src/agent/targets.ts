/**
 * @module agent/targets
 * Whom an output-tool call drafts for, read from its (restored) input the way the propose tools
 * address a platform call: a family note's family, else a family, a staff member or a child. The
 * loop compares that with the request's subjects; a draft for anyone else is off target.
 */
import type { DraftSubject } from "./types.js";

export interface ProposalTarget {
  kind: DraftSubject["kind"];
  id: string;
  /** For a family message: the child it is about, if any. */
  childId: string | null;
  /** The part of the input the family reads, for a family message. */
  familyFacing: unknown;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function proposalTarget(input: unknown): ProposalTarget | null {
  if (!input || typeof input !== "object") return null;
  const o = input as Record<string, unknown>;
  const note = o.familyNote as Record<string, unknown> | undefined;
  const noteFamily = note && typeof note === "object" ? str(note.familyId) : null;
  if (noteFamily) {
    return { kind: "family", id: noteFamily, childId: str(note?.childId), familyFacing: note };
  }
  const family = str(o.familyId);
  if (family) return { kind: "family", id: family, childId: str(o.childId), familyFacing: o };
  const staff = str(o.staffId);
  if (staff) return { kind: "staff", id: staff, childId: null, familyFacing: null };
  const child = str(o.childId);
  if (child) return { kind: "child", id: child, childId: null, familyFacing: null };
  return null;
}

export const subjectKey = (s: { kind: string; id: string }): string => `${s.kind}:${s.id}`;

const describe = (s: DraftSubject) =>
  s.kind === "family" && s.childIds?.length
    ? `family ${s.id} (child ${s.childIds.join(" or ")})`
    : `${s.kind} ${s.id}`;

/** Why `target` is not one of `subjects` (a message the model can act on), or null if it is. */
export function offTarget(
  subjects: readonly DraftSubject[],
  target: ProposalTarget | null,
): string | null {
  const allowed = subjects.map(describe).join("; ");
  if (!target)
    return `the draft names no family, child or staff member; draft only for: ${allowed}`;
  const subject = subjects.find((s) => s.kind === target.kind && s.id === target.id);
  if (!subject) {
    return `${target.kind} ${target.id} is not who this job is about; draft only for: ${allowed}`;
  }
  if (
    target.childId !== null &&
    subject.childIds !== undefined &&
    !subject.childIds.includes(target.childId)
  ) {
    return `child ${target.childId} is not the child this job is about; draft only for: ${allowed}`;
  }
  return null;
}

/** Every string inside `value`, joined: the text a person would read. */
export function textOf(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return out.join("\n");
}
