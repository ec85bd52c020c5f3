import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { main, runEval } from "./cli.js";
import { progressBar } from "./progress.js";
import { discoverSuites } from "./registry.js";
import { caseBaseSchema, type EvalSuite, notScorable, reportSchema, scored } from "./types.js";

const caseSchema = caseBaseSchema.extend({ answer: z.number() });
type Case = z.infer<typeof caseSchema>;

async function dataset(lines: unknown[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "evals-ds-"));
  const path = join(dir, "cases.jsonl");
  await writeFile(
    path,
    lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n"),
  );
  return path;
}

/** A suite whose scorer passes a case when its answer is 42. */
function suite(path: string, more: Partial<EvalSuite<Case>> = {}): EvalSuite<Case> {
  return {
    name: "toy",
    description: "answers must be 42",
    offline: true,
    dataset: path,
    caseSchema,
    threshold: 1,
    score: (c) => scored({ pass: c.answer === 42, expected: 42, actual: c.answer }),
    ...more,
  };
}

const cases = (answers: Record<string, number>) =>
  Object.entries(answers).map(([id, answer]) => ({ id, note: `case ${id}`, answer }));

async function run(s: EvalSuite<Case>, compare?: string) {
  const outDir = await mkdtemp(join(tmpdir(), "evals-out-"));
  let t = Date.parse("2026-11-23T09:00:00Z");
  return runEval({
    suites: [s as unknown as EvalSuite],
    outDir,
    compare,
    commit: "abc123",
    now: () => {
      t += 1000;
      return new Date(t);
    },
  });
}

describe("eval runner", () => {
  it("passes when every case passes", async () => {
    const r = await run(suite(await dataset(cases({ a: 42, b: 42 }))));
    expect(r.exitCode).toBe(0);
    expect(r.report.suites[0]).toMatchObject({ status: "pass", passed: 2, score: 1 });
  });

  it("fails the suite and the exit code when an offline case fails", async () => {
    const r = await run(suite(await dataset(cases({ a: 42, b: 41 }))));
    expect(r.exitCode).toBe(1);
    const s = r.report.suites[0]!;
    expect(s).toMatchObject({ status: "fail", passed: 1, failed: 1, score: 0.5 });
    expect(s.failures.join()).toMatch(/score 50.0% below threshold 100.0%/);
    expect(r.table).toMatch(/fail b: mismatch/);
  });

  it("reports but does not gate on a model suite below its threshold", async () => {
    const r = await run(suite(await dataset(cases({ a: 42, b: 41 })), { offline: false }));
    expect(r.report.suites[0]!.status).toBe("fail");
    expect(r.exitCode).toBe(0);
    expect(r.table).toMatch(/FAIL \(not gating\)/);
  });

  it("fails loudly when a scorer throws, even in a suite with no threshold", async () => {
    const s = suite(await dataset(cases({ a: 42, b: 42 })), {
      offline: false,
      threshold: 0,
      score: (c) => {
        if (c.id === "b") throw new Error("boom");
        return scored({ pass: true, expected: 1, actual: 1 });
      },
    });
    const r = await run(s);
    expect(r.exitCode).toBe(1);
    const result = r.report.suites[0]!.results.find((x) => x.id === "b")!;
    expect(result).toMatchObject({ status: "crash", detail: "scorer threw: Error: boom" });
  });

  it("fails on a dataset line its schema rejects, naming the line", async () => {
    const path = await dataset([...cases({ a: 42 }), { id: "b", answer: 42 }]);
    const r = await run(suite(path));
    expect(r.exitCode).toBe(1);
    expect(r.report.suites[0]!.failures[0]).toMatch(/cases\.jsonl:2: note/);
  });

  it("fails on duplicate ids", async () => {
    const r = await run(suite(await dataset([...cases({ a: 42 }), ...cases({ a: 42 })])));
    expect(r.exitCode).toBe(1);
    expect(r.report.suites[0]!.failures[0]).toMatch(/duplicate id a/);
  });

  it("leaves not-scorable cases out of the score", async () => {
    const s = suite(await dataset(cases({ a: 42, b: 0 })), {
      score: (c) =>
        c.id === "b" ? notScorable("needs a key") : scored({ pass: true, expected: 1, actual: 1 }),
    });
    const r = await run(s);
    expect(r.report.suites[0]).toMatchObject({ passed: 1, notScorable: 1, score: 1 });
    expect(r.exitCode).toBe(0);
  });

  it("reports a suite that cannot run here as not run, without failing", async () => {
    const s = suite(await dataset(cases({ a: 42 })), {
      offline: false,
      prepare: () => ({
        model: "claude-sonnet-4-5",
        promptVersions: {},
        notRun: "not run: no key",
      }),
    });
    const r = await run(s);
    expect(r.report.suites[0]).toMatchObject({ status: "not_run", notRun: "not run: no key" });
    expect(r.exitCode).toBe(0);
  });

  it("fails an offline suite whose metric is out of bounds", async () => {
    const s = suite(await dataset(cases({ a: 42 })), {
      metrics: () => [{ name: "below-floor rate", value: 0.1, max: 0 }],
    });
    const r = await run(s);
    expect(r.exitCode).toBe(1);
    expect(r.report.suites[0]!.failures).toContain("below-floor rate 0.1 above 0");
  });

  it("writes JSON and Markdown reports with date, commit, model, prompts, usage and cost", async () => {
    const s = suite(await dataset(cases({ a: 42, b: 42 })), {
      offline: false,
      prepare: () => ({ model: "claude-sonnet-4-5", promptVersions: { "family-message": "3" } }),
      score: () =>
        scored({
          pass: true,
          expected: 1,
          actual: 1,
          usage: [
            { model: "claude-sonnet-4-5", inputTokens: 1_000_000, outputTokens: 100_000 },
            { model: "some-unpriced-model", inputTokens: 10, outputTokens: 10 },
          ],
        }),
    });
    const r = await run(s);
    const json = reportSchema.parse(JSON.parse(await readFile(r.paths.json, "utf8")));
    expect(json.gitCommit).toBe("abc123");
    expect(json.date).toBe("2026-11-23T09:00:01.000Z");
    expect(json.model).toBe("claude-sonnet-4-5");
    const suiteReport = json.suites[0]!;
    expect(suiteReport.promptVersions).toEqual({ "family-message": "3" });
    expect(suiteReport.results.map((x) => x.id)).toEqual(["a", "b"]);
    expect(json.usage.find((u) => u.model === "claude-sonnet-4-5")).toMatchObject({
      inputTokens: 2_000_000,
      outputTokens: 200_000,
    });
    // 2 M input at $3 + 0.2 M output at $15.
    expect(json.cost).toMatchObject({
      usd: 9,
      estimate: true,
      unpricedModels: ["some-unpriced-model"],
    });
    const md = await readFile(r.paths.markdown, "utf8");
    for (const text of ["git commit: `abc123`", "model: claude-sonnet-4-5", "family-message v3"]) {
      expect(md).toContain(text);
    }
    expect(md).toMatch(/estimated cost: \$9\.0000 \(estimate from list prices/);
    expect(await readFile(join(r.paths.json, "..", "latest.json"), "utf8")).toBe(
      await readFile(r.paths.json, "utf8"),
    );
  });

  it("names an offline run's model as none and its cost as 0", async () => {
    const r = await run(suite(await dataset(cases({ a: 42 }))));
    expect(r.report.model).toBe("none — offline");
    expect(r.report.cost.usd).toBe(0);
    expect(r.report.suites[0]!.promptVersions).toEqual({});
  });

  it("marks regressions, improvements and new cases against an earlier report", async () => {
    const before = await run(suite(await dataset(cases({ a: 42, b: 42, c: 0 }))));
    const after = await run(
      suite(await dataset(cases({ a: 42, b: 41, c: 42, d: 42 }))),
      before.paths.json,
    );
    const cmp = after.report.comparison!;
    const changes = Object.fromEntries(cmp.suites[0]!.cases.map((c) => [c.id, c.change]));
    expect(changes).toEqual({ a: "unchanged", b: "regression", c: "improvement", d: "new" });
    expect(cmp.suites[0]!.delta).toBeCloseTo(0.75 - 2 / 3);
    expect(after.table).toMatch(/Regressions against .*\n.*suite\s+case\n.*\ntoy\s+b/);
    expect(await readFile(after.paths.markdown, "utf8")).toContain("- toy / b");
  });

  it("refuses a --compare file that is not a report", async () => {
    const bad = await dataset([{ nope: true }]);
    await expect(run(suite(await dataset(cases({ a: 42 }))), bad)).rejects.toThrow(
      /not an eval report/,
    );
  });
});

describe("progress", () => {
  const sink = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, stream: { isTTY, write: (s: string) => out.push(s) } };
  };

  it("redraws one line on a terminal", () => {
    const { out, stream } = sink(true);
    const p = progressBar(stream, 10);
    p.start("ratio", 4);
    for (let i = 1; i <= 4; i++) p.tick("ratio", i, 4);
    p.end("ratio");
    expect(out.slice(0, 4).every((s) => s.startsWith("\r"))).toBe(true);
    expect(out[3]).toBe("\rratio [##########] 4/4");
  });

  it("writes a few plain lines elsewhere", () => {
    const { out, stream } = sink(false);
    const p = progressBar(stream);
    p.start("ratio", 100);
    for (let i = 1; i <= 100; i++) p.tick("ratio", i, 100);
    p.end("ratio");
    expect(out.some((s) => s.includes("\r"))).toBe(false);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out[0]).toBe("ratio: 100 cases\n");
  });
});

describe("registry and CLI", () => {
  it("finds the suites by folder", async () => {
    const names = (await discoverSuites()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["forecast", "ratio"]));
  });

  it("exits 2 on an unknown suite", async () => {
    expect(await main(["--suite", "no-such-suite"])).toBe(2);
  });
});
