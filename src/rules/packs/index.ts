/**
 * @module rules/packs
 * The rule packs, parsed and checked once at module load. A pack that does not parse, or whose
 * bands leave a gap, overlap, or name a band that does not exist, throws here — at startup — rather
 * than producing a quiet wrong answer later. Loaded packs are frozen: nothing may edit a rule at
 * run time.
 */
import { type RulePack, type RulePackInput, rulePackSchema } from "../pack.js";
import { cfoc } from "./cfoc.js";
import { naeyc } from "./naeyc.js";
import { usAz } from "./us-az.js";
import { usCa } from "./us-ca.js";
import { usFl } from "./us-fl.js";
import { usGa } from "./us-ga.js";
import { usIl } from "./us-il.js";
import { usMa } from "./us-ma.js";
import { usMi } from "./us-mi.js";
import { usNc } from "./us-nc.js";
import { usNj } from "./us-nj.js";
import { usNy } from "./us-ny.js";
import { usOh } from "./us-oh.js";
import { usPa } from "./us-pa.js";
import { usTx } from "./us-tx.js";
import { usVa } from "./us-va.js";
import { usWa } from "./us-wa.js";

const inputs: readonly RulePackInput[] = [
  usCa,
  usTx,
  usNy,
  usFl,
  usWa,
  usIl,
  usPa,
  usOh,
  usGa,
  usNc,
  usMi,
  usNj,
  usVa,
  usMa,
  usAz,
  naeyc,
  cfoc,
];

/**
 * What is structurally wrong with a pack, one line each (empty when sound). The zod schema checks
 * each field; this checks how they fit together, which the evaluator relies on: within a program
 * the bands are sorted, contiguous and non-overlapping (so a child is in at most one band and the
 * youngest band is the first present); band ids are unique across the pack (a center policy names
 * bands by id alone); forbidden pairs and nap rules name bands of their own program; and anything
 * cited as UNCONFIRMED is marked open.
 */
export function rulePackProblems(pack: RulePack): string[] {
  const problems: string[] = [];
  const where = (program: string) => `${pack.code} ${program}`;
  const mustBeOpen = (what: string, c: { strength: string }, open: unknown) => {
    if (c.strength === "UNCONFIRMED" && open === undefined) {
      problems.push(`${what}: cited UNCONFIRMED but not marked open`);
    }
  };

  const programIds = new Set<string>();
  const bandIds = new Set<string>();
  for (const program of pack.programs) {
    if (programIds.has(program.id)) problems.push(`${pack.code}: duplicate program ${program.id}`);
    programIds.add(program.id);
    const own = new Set(program.bands.map((b) => b.id));

    program.bands.forEach((band, i) => {
      const at = `${where(program.id)} band ${band.id}`;
      if (bandIds.has(band.id)) problems.push(`${at}: band id used twice in the pack`);
      bandIds.add(band.id);
      if (band.maxMonths !== null && band.maxMonths < band.minMonths) {
        problems.push(`${at}: maxMonths ${band.maxMonths} is below minMonths ${band.minMonths}`);
      }
      mustBeOpen(at, band.citation, band.open);
      const next = program.bands[i + 1];
      if (next === undefined) return;
      if (band.maxMonths === null) {
        problems.push(`${at}: has no upper bound but is followed by ${next.id}`);
      } else if (next.minMonths !== band.maxMonths + 1) {
        problems.push(
          `${at}: ends at ${band.maxMonths} months but ${next.id} starts at ${next.minMonths} ` +
            "(bands must be sorted, contiguous and non-overlapping)",
        );
      }
    });

    const { mixedAge, aides, nap } = program;
    mustBeOpen(`${where(program.id)} mixedAge`, mixedAge.citation, mixedAge.open);
    for (const [a, b] of mixedAge.forbiddenPairs) {
      for (const id of [a, b]) {
        if (!own.has(id))
          problems.push(`${where(program.id)}: forbidden pair names unknown band ${id}`);
      }
      if (a === b) problems.push(`${where(program.id)}: forbidden pair pairs ${a} with itself`);
    }
    if (aides !== null) mustBeOpen(`${where(program.id)} aides`, aides.citation, aides.open);
    for (const rule of nap) {
      const at = `${where(program.id)} nap 1:${rule.ratio}`;
      mustBeOpen(at, rule.citation, rule.open);
      for (const id of rule.bands) {
        const band = program.bands.find((b) => b.id === id);
        if (band === undefined) problems.push(`${at}: names unknown band ${id}`);
        else if (rule.ratio <= band.ratio) {
          problems.push(`${at}: is not a relaxation of ${id} (awake 1:${band.ratio})`);
        }
      }
    }
    if (program.teamGroup) {
      mustBeOpen(
        `${where(program.id)} teamGroup`,
        program.teamGroup.citation,
        program.teamGroup.open,
      );
    }
  }
  mustBeOpen(`${pack.code} staff`, pack.staff.citation, pack.staff.open);
  if (pack.staff.trainees) {
    const t = pack.staff.trainees;
    mustBeOpen(`${pack.code} staff trainees`, t.citation, t.open);
    if (t.minAge >= pack.staff.minAge) {
      problems.push(
        `${pack.code} staff trainees: minAge ${t.minAge} is not below ${pack.staff.minAge}`,
      );
    }
  }
  (pack.openingClosing ?? []).forEach((rule, i) => {
    const at = `${pack.code} openingClosing[${i}]`;
    mustBeOpen(at, rule.citation, rule.open);
    if (rule.ratio === null && !rule.waiveForbiddenPairs && !rule.waiveGroupSize) {
      problems.push(`${at}: changes nothing (no ratio and nothing waived)`);
    }
  });
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function load(input: RulePackInput): RulePack {
  const parsed = rulePackSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`rule pack ${input.code} does not parse: ${parsed.error.message}`);
  }
  const problems = rulePackProblems(parsed.data);
  if (problems.length > 0) {
    throw new Error(`rule pack ${input.code} is malformed:\n${problems.join("\n")}`);
  }
  return deepFreeze(parsed.data);
}

function loadAll(): ReadonlyMap<string, RulePack> {
  const packs = new Map<string, RulePack>();
  for (const input of inputs) {
    const pack = load(input);
    if (packs.has(pack.code)) throw new Error(`rule pack ${pack.code} is defined twice`);
    packs.set(pack.code, pack);
  }
  return packs;
}

/** Every rule pack by jurisdiction code (`US-CA`, …, `NAEYC`, `CFOC`). */
export const rulePacks: ReadonlyMap<string, RulePack> = loadAll();

/** The pack for a jurisdiction code, exactly as spelled (`US-CA`); undefined when there is none. */
export function getRulePack(code: string): RulePack | undefined {
  return rulePacks.get(code);
}

export interface BandListing {
  id: string;
  label: string;
  minMonths: number;
  maxMonths: number | null;
  /** e.g. "18–23 months", "60+ months". */
  ages: string;
  ratio: number;
  maxGroup: number | null;
  /** e.g. "Toddlers (18–23 months): 18–23 months, 1:9, max group 18 (open)". */
  text: string;
  /** The sources leave this band open; its numbers are the stricter reading. */
  open: boolean;
}

export interface RulePackListing {
  code: string;
  name: string;
  summary: string;
  asOf: string;
  programs: { id: string; label: string; mixedAge: string; bands: BandListing[] }[];
}

function ages(minMonths: number, maxMonths: number | null): string {
  return maxMonths === null ? `${minMonths}+ months` : `${minMonths}–${maxMonths} months`;
}

/** Every pack in load order, with its programs and bands summarized (for `ratio rules`). */
export function listRulePacks(): RulePackListing[] {
  return [...rulePacks.values()].map((pack) => ({
    code: pack.code,
    name: pack.name,
    summary: pack.summary,
    asOf: pack.asOf,
    programs: pack.programs.map((program) => ({
      id: program.id,
      label: program.label,
      mixedAge: program.mixedAge.method,
      bands: program.bands.map((b) => {
        const range = ages(b.minMonths, b.maxMonths);
        const group = b.maxGroup === null ? "no max group" : `max group ${b.maxGroup}`;
        const open = b.open !== undefined;
        return {
          id: b.id,
          label: b.label,
          minMonths: b.minMonths,
          maxMonths: b.maxMonths,
          ages: range,
          ratio: b.ratio,
          maxGroup: b.maxGroup,
          text: `${b.label}: ${range}, 1:${b.ratio}, ${group}${open ? " (open)" : ""}`,
          open,
        };
      }),
    })),
  }));
}
