/**
 * @module rules/staff/labor-packs
 * The labour packs, parsed and checked once at load (a citation's strength and an "UNCONFIRMED:"
 * source line must agree; no two packs claim one jurisdiction). Frozen once loaded.
 */
import { citationProblem } from "../credential-packs/index.js";
import { deepFreeze } from "../freeze.js";
import { type LaborPack, type LaborPackInput, laborPackSchema } from "../labor-pack.js";
import { federal } from "./federal.js";
import { usCaLabor } from "./us-ca.js";
import { usIlLabor } from "./us-il.js";
import { usNyLabor } from "./us-ny.js";
import { usWaLabor } from "./us-wa.js";

const inputs: readonly LaborPackInput[] = [usCaLabor, usWaLabor, usNyLabor, usIlLabor, federal];

/** What is structurally wrong with a labour pack, one line each (empty when sound). */
export function laborPackProblems(pack: LaborPack): string[] {
  const cited = [
    ["overtime", pack.overtime.citation],
    ...pack.meals.map((m) => [m.id, m.citation] as const),
    ...(pack.rest ? [["rest", pack.rest.citation] as const] : []),
  ] as const;
  const problems = cited.flatMap(([what, c]) => citationProblem(`${pack.code} ${what}`, c) ?? []);
  const { dailyAfterHours: ot, dailyDoubleAfterHours: dt } = pack.overtime;
  if (dt !== null && (ot === null || dt <= ot)) {
    problems.push(`${pack.code}: double time must start after daily overtime`);
  }
  const ids = pack.meals.map((m) => m.id);
  if (new Set(ids).size !== ids.length) problems.push(`${pack.code}: meal rule ids repeat`);
  return problems;
}

function load(input: LaborPackInput): LaborPack {
  const parsed = laborPackSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`labor pack ${input.code} does not parse: ${parsed.error.message}`);
  }
  const problems = laborPackProblems(parsed.data);
  if (problems.length > 0) {
    throw new Error(`labor pack ${input.code} is malformed:\n${problems.join("\n")}`);
  }
  return deepFreeze(parsed.data);
}

function loadAll(): ReadonlyMap<string, LaborPack> {
  const byJurisdiction = new Map<string, LaborPack>();
  for (const pack of inputs.map(load)) {
    for (const code of pack.appliesTo) {
      if (byJurisdiction.has(code)) throw new Error(`two labor packs apply to ${code}`);
      byJurisdiction.set(code, pack);
    }
  }
  return byJurisdiction;
}

/** Labour packs by the ratio-pack jurisdiction code they apply to. */
export const laborPacks: ReadonlyMap<string, LaborPack> = loadAll();

/** The federal floor: used for a jurisdiction no pack names. */
export const federalLaborPack: LaborPack = laborPacks.get("US-TX") as LaborPack;

/** The pack for a jurisdiction, or the federal floor when none names it. */
export function getLaborPack(jurisdiction: string): LaborPack {
  return laborPacks.get(jurisdiction) ?? federalLaborPack;
}
