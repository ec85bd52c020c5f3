/**
 * @module evals/suites/ratio/generate
 * Writes cases.jsonl once: the hand-labelled cases, then seeded rooms for every pack labelled by
 * label.ts (written from shared/ratio-rules.md and ratio-rules-more.md, not from src/rules). The output is committed; run
 * again only to change the dataset (`npx tsx evals/suites/ratio/generate.ts`), and review the diff.
 * It also prints where label.ts disagrees with a hand label, as a check on both.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { toJsonl } from "../../runner/dataset.js";
import type { RatioCaseInput } from "./case.js";
import { AT, handCases } from "./hand.js";
import {
  type DocBand,
  type DocProgram,
  docPacks,
  type LabelStaff,
  label,
  labelWithoutTwoStaffRows,
  monthsOld,
} from "./label.js";

const PER_PACK = 15;

/** mulberry32: the same seed gives the same dataset on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick };
}

/** The birth date that makes a child exactly `months` old on 2026-11-23 (or one day short). */
function birthDateFor(months: number, dayShort: boolean): string {
  const total = 2026 * 12 + 10 - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = dayShort ? 24 : 23;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const extras: { what: string; staff: LabelStaff }[] = [
  { what: "a teacher on break", staff: { ageYears: 29, role: "teacher", onBreak: true } },
  { what: "a 17-year-old aide", staff: { ageYears: 17, role: "aide" } },
  { what: "an adult volunteer", staff: { ageYears: 52, role: "volunteer" } },
  {
    what: "a director not engaged in care",
    staff: { ageYears: 48, role: "director", engagedInCare: false },
  },
  {
    what: "a director engaged in care",
    staff: { ageYears: 48, role: "director", engagedInCare: true },
  },
  { what: "a floater", staff: { ageYears: 33, role: "floater" } },
];

function bulk(packCode: string, seed: number): RatioCaseInput[] {
  const r = rng(seed);
  const pack = docPacks[packCode];
  if (!pack) throw new Error(packCode);
  const out: RatioCaseInput[] = [];
  let attempt = 0;
  while (out.length < PER_PACK) {
    attempt++;
    const program: DocProgram = r.pick(pack.programs);
    const first: DocBand = r.pick(program.bands);
    const mixed = program.bands.length > 1 && r.next() < 0.3;
    const second: DocBand = mixed ? r.pick(program.bands) : first;
    const ageIn = (band: DocBand) => {
      const hi = band.max ?? band.min + 24;
      const v = r.next();
      return v < 0.3 ? band.min : v < 0.55 ? hi : r.int(band.min, hi);
    };
    const youngest = first.min <= second.min ? first : second;
    const k = r.int(1, 3);
    const n = Math.max(1, k * youngest.ratio + r.pick([-2, -1, 0, 0, 1]));
    const nSecond = mixed ? r.int(1, Math.max(1, Math.floor(n / 2))) : 0;
    const byBirth = r.next() < 0.25;
    const children = [
      ...Array.from({ length: n - nSecond }, () => ageIn(first)),
      ...Array.from({ length: nSecond }, () => ageIn(second)),
    ].map((m): { ageMonths?: number; birthDate?: string } =>
      byBirth ? { birthDate: birthDateFor(m, m > 0 && r.next() < 0.3) } : { ageMonths: m },
    );
    // The ages as the rules count them (a birth date one day short is a month younger).
    const months = children.map((c) =>
      c.birthDate !== undefined ? monthsOld(c.birthDate, AT.slice(0, 10)) : (c.ageMonths ?? 0),
    );
    // Known, separately reported disagreements are kept to the hand cases, not multiplied here.
    if (program.infantSpreadLimit && months.some((m) => m < 18) && months.some((m) => m >= 18))
      continue;
    const counted = Math.max(1, k + r.pick([-1, 0, 0, 1]));
    const staff: LabelStaff[] = Array.from({ length: counted }, (_, i) => ({
      ageYears: 24 + i,
      role: i === 0 ? "teacher" : r.pick(["teacher", "caregiver", "teacher"] as const),
    }));
    const notes: string[] = [];
    if (program.aide && r.next() < 0.4) {
      staff.push({ ageYears: 22, role: "aide" });
      notes.push("an aide");
    }
    if (r.next() < 0.45) {
      const x = r.pick(extras);
      staff.push(x.staff);
      notes.push(x.what);
    }
    const hasNap = program.bands.some((x) => x.nap !== undefined);
    const napping = hasNap && r.next() < 0.35;
    const present = new Set(
      months.map((m) => program.bands.find((x) => m >= x.min && (x.max === null || m <= x.max))),
    );
    if (napping && present.size > 1) continue;
    if (napping && notes.includes("an aide")) continue;
    const premises = napping && program.napNeedsPremises ? r.int(0, 2) : undefined;
    const since = r.next() < 0.1 ? r.pick([3, 7]) : undefined;
    const roomIn = {
      at: AT,
      ...(pack.programs.length > 1 ? { program: program.id } : {}),
      ...(napping ? { napping: true } : {}),
      ...(premises !== undefined ? { premisesAvailableStaff: premises } : {}),
      ...(since !== undefined
        ? { violationSince: new Date(Date.parse(AT) - since * 60_000).toISOString() }
        : {}),
      children,
      staff,
    };
    const expected = label(packCode, roomIn);
    // Rooms where a two-staff row decides (OH 12:2, AZ 2:11, 2:13) are hand cases: no pack can
    // express those rows, so the core is knowingly stricter there (known-deviations.ts).
    if (JSON.stringify(expected) !== JSON.stringify(labelWithoutTwoStaffRows(packCode, roomIn)))
      continue;
    const ages = [...new Set(months)].sort((a, b) => a - b);
    const what = [
      `${n} children aged ${ages.length > 4 ? `${ages[0]}–${ages.at(-1)}` : ages.join(", ")} months${byBirth ? " (by birth date)" : ""}`,
      `${counted} teacher(s)/caregiver(s)${notes.length ? ` + ${notes.join(", ")}` : ""}`,
      napping
        ? `napping${premises !== undefined ? `, ${premises} staff free on the premises` : ""}`
        : "",
      since !== undefined ? `violation open ${since} min` : "",
    ].filter(Boolean);
    out.push({
      id: `${packCode.toLowerCase()}-g${String(out.length + 1).padStart(2, "0")}`,
      pack: packCode,
      labelledBy: "labeller",
      note:
        `Bulk: ${what.join("; ")}. Labelled by label.ts from ${pack.doc} ` +
        `(open points read as the pack: ${pack.openReadings.join("; ")}).`,
      room: roomIn,
      expected,
    });
    if (attempt > 1000) throw new Error(`${packCode}: could not generate cases`);
  }
  return out;
}

const hand: RatioCaseInput[] = handCases.map(({ id, pack, note, ...rest }) => ({
  id,
  pack,
  labelledBy: "hand",
  note,
  ...rest,
}));
for (const c of hand) {
  const l = label(c.pack, c.room as Parameters<typeof label>[1], c.policy);
  const diff = (Object.keys(c.expected) as (keyof typeof l)[]).filter(
    (k) => (c.expected as Record<string, unknown>)[k] !== l[k],
  );
  if (diff.length > 0) {
    console.log(
      `hand vs label.ts: ${c.id}: ${diff.map((k) => `${k} hand=${(c.expected as Record<string, unknown>)[k]} label=${l[k]}`).join(", ")}`,
    );
  }
}
const generated = Object.keys(docPacks).flatMap((code, i) => bulk(code, 1000 + i));
const all = [...hand, ...generated];
writeFileSync(join(import.meta.dirname, "cases.jsonl"), toJsonl(all));
console.log(`wrote ${all.length} cases (${hand.length} by hand, ${generated.length} by label.ts)`);
