/**
 * @module evals/suites/forecast/suite
 * The forecast suite: `forecastRoom` must find the labelled first breach at exactly that instant
 * (or none), and `proposeCoverage`'s top move must be one of the acceptable ones (or no move when
 * none is acceptable). A case passes only when both hold; its score is the share that held.
 */
import { join } from "node:path";
import { proposeCoverage } from "../../../src/rules/coverage.js";
import { forecastRoom } from "../../../src/rules/forecast.js";
import { getRulePack } from "../../../src/rules/packs/index.js";
import { type EvalSuite, scored } from "../../runner/types.js";
import { type ForecastCase, forecastCaseSchema } from "./case.js";

export function scoreForecastCase(c: ForecastCase) {
  const pack = getRulePack(c.pack);
  if (pack === undefined) throw new Error(`unknown pack ${c.pack}`);
  const now = new Date(c.now);
  const localDate = c.now.slice(0, 10);
  const f = forecastRoom(pack, now, c.current, c.future, {
    roomId: c.roomId,
    localDate,
    horizonMinutes: c.horizonMinutes,
  });
  if (!f.ok) throw new Error(`forecastRoom refused the case: ${f.error.message}`);
  const breachAt = f.value.firstBreach?.at ?? null;
  const cover = proposeCoverage(
    pack,
    { roomId: c.roomId, state: c.current },
    c.others,
    { unassigned: c.unassigned },
    now,
    { localDate, future: c.future, horizonMinutes: c.horizonMinutes },
  );
  if (!cover.ok) throw new Error(`proposeCoverage refused the case: ${cover.error.message}`);
  const top = cover.value.proposals[0];
  const topMove = top ? { staffId: top.staffId, fromRoomId: top.fromRoomId } : null;

  const want = c.expected;
  const breachOk =
    want.firstBreachAt === null
      ? breachAt === null
      : breachAt !== null && Date.parse(breachAt) === Date.parse(want.firstBreachAt);
  const moveOk =
    want.acceptableMoves.length === 0
      ? topMove === null
      : topMove !== null &&
        want.acceptableMoves.some(
          (m) => m.staffId === topMove.staffId && m.fromRoomId === topMove.fromRoomId,
        );
  const detail = [
    breachOk
      ? null
      : `first breach: expected ${want.firstBreachAt ?? "none"}, got ${breachAt ?? "none"}`,
    moveOk
      ? null
      : `top move: expected ${want.acceptableMoves.length === 0 ? "none" : want.acceptableMoves.map((m) => `${m.staffId} from ${m.fromRoomId ?? "no room"}`).join(" or ")}, got ${topMove ? `${topMove.staffId} from ${topMove.fromRoomId ?? "no room"}` : "none"}`,
  ].filter((x): x is string => x !== null);
  return scored({
    pass: breachOk && moveOk,
    score: (Number(breachOk) + Number(moveOk)) / 2,
    expected: want,
    actual: { firstBreachAt: breachAt, topMove, proposals: cover.value.proposals.length },
    detail: detail.length === 0 ? "breach time and top move as labelled" : detail.join("; "),
  });
}

const suite: EvalSuite<ForecastCase> = {
  name: "forecast",
  description:
    "Room timelines (pick-ups, arrivals, shift ends, breaks) with the hand-worked first out-of-ratio " +
    "moment and the acceptable top coverage moves; exact breach time, top move in the set.",
  offline: true,
  dataset: join(import.meta.dirname, "cases.jsonl"),
  caseSchema: forecastCaseSchema,
  threshold: 1,
  score: scoreForecastCase,
};

export default suite;
