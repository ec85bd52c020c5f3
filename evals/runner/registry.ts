/**
 * @module evals/runner/registry
 * Finds the suites: every `evals/suites/<name>/suite.ts` whose default export is an `EvalSuite`.
 * A new suite is one folder with that file; nothing else needs editing.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { EvalSuite } from "./types.js";

export const SUITES_DIR = join(import.meta.dirname, "..", "suites");

function isSuite(x: unknown): x is EvalSuite {
  if (typeof x !== "object" || x === null) return false;
  const s = x as Record<string, unknown>;
  return (
    typeof s.name === "string" &&
    typeof s.dataset === "string" &&
    typeof s.score === "function" &&
    typeof s.threshold === "number" &&
    typeof s.offline === "boolean" &&
    typeof s.caseSchema === "object"
  );
}

export async function discoverSuites(dir = SUITES_DIR): Promise<EvalSuite[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const suites: EvalSuite[] = [];
  for (const e of entries
    .filter((x) => x.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const files = await readdir(join(dir, e.name));
    if (!files.includes("suite.ts")) continue;
    const mod = (await import(pathToFileURL(join(dir, e.name, "suite.ts")).href)) as {
      default?: unknown;
    };
    if (!isSuite(mod.default)) {
      throw new Error(`${join(dir, e.name, "suite.ts")}: default export is not an EvalSuite`);
    }
    if (mod.default.name !== e.name) {
      throw new Error(
        `${join(dir, e.name, "suite.ts")}: suite name "${mod.default.name}" must match its folder`,
      );
    }
    suites.push(mod.default);
  }
  return suites;
}
