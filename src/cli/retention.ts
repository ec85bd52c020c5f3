/**
 * @module cli/retention
 * `retention [--apply] [--years N]`: what each center holds past its retention period; with
 * `--apply`, deletes it (audited). Without `--apply` nothing changes.
 */
import { parseArgs } from "node:util";
import { formatRetentionReport, purgePastRetention } from "../retention/index.js";
import type { Db } from "../storage/index.js";
import type { CliOutput } from "./ratio.js";

export function runRetentionCommand(args: string[], db: Db, now: Date): CliOutput {
  let values: { apply?: boolean; years?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { apply: { type: "boolean" }, years: { type: "string" } },
    }));
  } catch (error) {
    return {
      stdout: "",
      stderr: `${(error as Error).message}\nusage: cli retention [--apply] [--years N]\n`,
      code: 2,
    };
  }
  const years = values.years === undefined ? undefined : Number(values.years);
  if (years !== undefined && !(Number.isInteger(years) && years > 0)) {
    return { stdout: "", stderr: "--years must be a whole number of years\n", code: 2 };
  }
  const report = purgePastRetention(db, {
    now,
    apply: values.apply === true,
    ...(years === undefined ? {} : { years }),
    actor: "cli:retention",
  });
  return { stdout: formatRetentionReport(report), stderr: "", code: 0 };
}
