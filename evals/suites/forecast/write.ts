/**
 * @module evals/suites/forecast/write
 * Dumps the hand-labelled timelines to cases.jsonl (committed). Run after editing timelines.ts:
 * `npx tsx evals/suites/forecast/write.ts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { toJsonl } from "../../runner/dataset.js";
import { timelines } from "./timelines.js";

const ordered = timelines.map(({ id, pack, note, ...rest }) => ({ id, pack, note, ...rest }));
writeFileSync(join(import.meta.dirname, "cases.jsonl"), toJsonl(ordered));
console.log(`wrote ${ordered.length} timelines`);
