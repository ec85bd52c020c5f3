/**
 * @module evals/suites/ratio/suite
 * The ratio suite: every case's room through `evaluateRoom`, and an exact match on the decision
 * (status, required and counted staff, governing ratio and group size, group verdict, nap ratio).
 */
import { join } from "node:path";
import { evaluateRoom } from "../../../src/rules/evaluate.js";
import { getRulePack } from "../../../src/rules/packs/index.js";
import { type EvalSuite, notScorable, scored } from "../../runner/types.js";
import { type ExpectedDecision, type RatioCase, ratioCaseSchema } from "./case.js";
import { knownDeviations } from "./known-deviations.js";

export function scoreRatioCase(c: RatioCase) {
  const pack = getRulePack(c.pack);
  if (pack === undefined) throw new Error(`unknown pack ${c.pack}`);
  const result = evaluateRoom(pack, c.room, { at: new Date(c.room.at), policy: c.policy });
  if (!result.ok) throw new Error(`evaluateRoom refused the room: ${result.error.message}`);
  const e = result.value;
  const actual: ExpectedDecision = {
    status: e.status,
    requiredStaff: e.requiredStaff,
    countedStaff: e.countedStaff,
    ratio: e.governingBand.ratio,
    maxGroup: e.maxGroupSize,
    groupSize:
      e.maxGroupSize === null
        ? "no maximum"
        : e.groupSize <= e.maxGroupSize
          ? "within"
          : "exceeded",
    napRelaxation: e.napRelaxation,
  };
  const diffs = (Object.keys(c.expected) as (keyof ExpectedDecision)[])
    .filter((k) => c.expected[k] !== actual[k])
    .map((k) => `${k}: expected ${c.expected[k]}, got ${actual[k]}`);
  const known = knownDeviations[c.id];
  if (
    diffs.length > 0 &&
    known &&
    actual.status === known.coreStatus &&
    actual.requiredStaff === known.coreRequiredStaff
  ) {
    return notScorable(
      `known deviation, core stricter than the rule: ${known.why} (${diffs.join("; ")})`,
    );
  }
  return scored({
    pass: diffs.length === 0,
    expected: c.expected,
    actual,
    detail: diffs.length === 0 ? "exact match" : diffs.join("; "),
  });
}

const suite: EvalSuite<RatioCase> = {
  name: "ratio",
  description:
    "Rooms under every rule pack with the decision the cited rules call for (shared/ratio-rules.md, " +
    "ratio-rules-more.md); " +
    "exact match on status, required and counted staff, governing ratio, group size and nap ratio.",
  offline: true,
  dataset: join(import.meta.dirname, "cases.jsonl"),
  caseSchema: ratioCaseSchema,
  threshold: 1,
  score: scoreRatioCase,
};

export default suite;
