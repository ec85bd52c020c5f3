/**
 * @module evals/runner/dataset
 * Reads a suite's JSONL dataset. Anything wrong with it — a line that is not JSON, a case its
 * schema rejects, a duplicate id — is an error naming the line, never a silently skipped case.
 */
import { readFile } from "node:fs/promises";
import type { z } from "zod";

export class DatasetError extends Error {}

export function parseJsonl<C extends { id: string }>(
  text: string,
  schema: z.ZodType<C>,
  source: string,
): C[] {
  const cases: C[] = [];
  const ids = new Set<string>();
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const where = `${source}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new DatasetError(`${where}: not JSON (${(error as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join(".") || "(case)";
      throw new DatasetError(`${where}: ${path}: ${issue?.message ?? "invalid case"}`);
    }
    if (ids.has(parsed.data.id)) throw new DatasetError(`${where}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  }
  if (cases.length === 0) throw new DatasetError(`${source}: no cases`);
  return cases;
}

export async function loadJsonl<C extends { id: string }>(
  path: string,
  schema: z.ZodType<C>,
): Promise<C[]> {
  return parseJsonl(await readFile(path, "utf8"), schema, path);
}

/** One case per line, keys in the order written: the committed form of a dataset. */
export function toJsonl(cases: readonly unknown[]): string {
  return `${cases.map((c) => JSON.stringify(c)).join("\n")}\n`;
}
