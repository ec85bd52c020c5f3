/**
 * @module evals/suites/drafting/facts
 * What a job's input supports, and what its drafts must state. Every time, date, amount and
 * number anywhere in the input (the facts the deterministic core decided, the text a person
 * wrote) is a fact a draft may state; nothing else is. A late pick-up only reconciliation saw is
 * the exception: its minutes and fee come from a time nobody reported, so they are not facts.
 * Pure.
 */
import type { SimCenter } from "../../../src/sandbox/index.js";
import { parseDraft } from "./parse.js";

export type RequiredFact =
  | { kind: "time"; value: string }
  | { kind: "amount"; cents: number }
  | { kind: "number"; value: number }
  | { kind: "date"; value: string }
  | { kind: "phrase"; pattern: string; label: string };

export interface Facts {
  times: Set<string>;
  dates: Set<string>;
  amounts: Set<number>;
  numbers: Set<number>;
  clock: "12h" | "24h";
  /** Families and children the job is about (a family text must be addressed to one of them). */
  ownFamilies: Set<string>;
  ownChildren: Set<string>;
  /** Text people wrote (incident report): a family message must not quote it. */
  personWritten: string | null;
  /** A review over a window with no planned shifts: punctuality figures would be made up. */
  noShifts: boolean;
}

/** `02:30` ↔ `14:30`. */
const otherHalf = (t: string) => {
  const h = Number(t.slice(0, 2));
  return `${String((h + 12) % 24).padStart(2, "0")}${t.slice(2)}`;
};

type Input = Record<string, unknown>;

/** The facts of `input` for a center in `timeZone`. */
export function factsOf(job: string, input: Input, timeZone: string): Facts {
  const f: Facts = {
    times: new Set(),
    dates: new Set(),
    amounts: new Set(),
    numbers: new Set(),
    clock: input.clock === "24h" ? "24h" : "12h",
    ownFamilies: new Set(),
    ownChildren: new Set(),
    personWritten: typeof input.description === "string" ? input.description : null,
    noShifts: (input.punctuality as { shifts?: number } | undefined)?.shifts === 0,
  };
  const reconciled = job === "late-pickup" && input.pickupTimeSource === "reconciliation";
  const walk = (v: unknown, key: string) => {
    if (reconciled && key === "assessment") {
      const a = v as { pickedUpAt: string; closesAt: string; date: string };
      f.times.add(a.pickedUpAt);
      f.times.add(a.closesAt);
      f.dates.add(a.date);
      return;
    }
    if (typeof v === "number") {
      if (/Cents$/.test(key)) f.amounts.add(v);
      else f.numbers.add(v);
    } else if (typeof v === "string") {
      if (key === "familyId") f.ownFamilies.add(v);
      if (key === "childId") f.ownChildren.add(v);
      const st = parseDraft(v, { timeZone, year: 2026 });
      for (const t of st.times) f.times.add(t.value);
      for (const d of st.dates) f.dates.add(d.value);
      for (const a of st.amounts) f.amounts.add(a.cents);
      for (const n of st.numbers) f.numbers.add(n.value);
      if (job === "quick-log") {
        // A teacher's "napped 12:30-2" may mean either half of the day: both readings are facts.
        for (const t of st.times) f.times.add(otherHalf(t.value));
        for (const n of st.numbers) {
          if (Number.isInteger(n.value) && n.value >= 1 && n.value <= 12) {
            f.times.add(`${String(n.value % 12).padStart(2, "0")}:00`);
            f.times.add(`${String((n.value % 12) + 12).padStart(2, "0")}:00`);
          }
        }
      }
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(input, "");
  return f;
}

const first = (name: unknown) => String(name).split(" ")[0] ?? String(name);
const phrase = (text: string, label = text): RequiredFact => ({
  kind: "phrase",
  pattern: text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
  label,
});

/**
 * What each draft of the job must state, for the family or child it is addressed to: the facts a
 * director would otherwise have to add before sending.
 */
export function requiredFacts(
  job: string,
  input: Input,
  addressed: { familyId: string | null; childId: string | null },
): RequiredFact[] {
  const childName = (): string | null => {
    if (typeof input.childName === "string") return input.childName;
    const list = (input.children ?? input.families) as
      | { childId: string; name?: string; childName?: string }[]
      | undefined;
    const c = list?.find((x) => x.childId === addressed.childId);
    return c ? (c.name ?? c.childName ?? null) : null;
  };
  const child = childName();
  const own = child ? [phrase(first(child), "the child's first name")] : [];
  switch (job) {
    case "late-pickup": {
      const a = input.assessment as {
        pickedUpAt: string;
        closesAt: string;
        minutesAfterClose: number;
        feeCents: number;
      };
      if (input.pickupTimeSource === "reconciliation") {
        return [
          { kind: "time", value: a.pickedUpAt },
          { kind: "phrase", pattern: "reconciliation", label: "that reconciliation checked out" },
          { kind: "phrase", pattern: "unknown", label: "that the real time is unknown" },
        ];
      }
      return [
        ...own,
        { kind: "time", value: a.pickedUpAt },
        { kind: "time", value: a.closesAt },
        { kind: "number", value: a.minutesAfterClose },
        ...(a.feeCents > 0 ? [{ kind: "amount" as const, cents: a.feeCents }] : []),
      ];
    }
    case "absence-follow-up":
      return [...own, { kind: "time", value: String(input.expectedArrival) }];
    case "incident-triage":
      return [...own, { kind: "time", value: String(input.localTime) }];
    case "ratio-impact":
      return [...own, { kind: "time", value: String(input.since) }, phrase(String(input.roomName))];
    case "review-summary":
      return [
        phrase(String(input.staffName), "the staff member's name"),
        { kind: "date", value: String(input.dueOn) },
        ...((input.punctuality as { shifts: number }).shifts === 0
          ? [
              {
                kind: "phrase" as const,
                pattern: "no (?:planned )?shifts|no punctuality",
                label: "that the window had no shifts",
              },
            ]
          : []),
      ];
    default:
      return [];
  }
}

/**
 * The world's people outside one family, by what identifies them (full names, a child's first
 * name no one in the family shares, phones, e-mails, ids): a message to that family may name none.
 */
export function othersOf(center: SimCenter, familyId: string | null): string[] {
  const ownNames = new Set<string>();
  const out = new Set<string>();
  for (const k of center.children) {
    if (k.familyId === familyId) ownNames.add(k.firstName);
  }
  for (const fam of center.families) {
    if (fam.id !== familyId) continue;
    for (const p of [...fam.guardians, ...fam.extraPickups])
      ownNames.add(p.name.split(" ")[0] ?? "");
  }
  for (const k of center.children) {
    if (k.familyId === familyId) continue;
    out.add(`${k.firstName} ${k.lastName}`);
    if (!ownNames.has(k.firstName)) out.add(k.firstName);
    out.add(k.id);
  }
  for (const fam of center.families) {
    if (fam.id === familyId) continue;
    out.add(fam.id);
    for (const g of fam.guardians) {
      out.add(g.name);
      out.add(g.phone);
      out.add(g.email);
    }
    for (const p of fam.extraPickups) out.add(p.name);
  }
  return [...out].filter((s) => s.length >= 3);
}
