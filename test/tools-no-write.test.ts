/**
 * No path from a model's tool call reaches a platform write: nothing in tools/ imports a platform
 * client, the outbox or a channel, or names a write method. Writes happen only in the approvals
 * executor, after a person approves.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allTools, toolsFor } from "../tools/index.js";

const dir = new URL("../tools/", import.meta.url).pathname;
const sources = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), "utf8") }));

describe("tools never write to a platform", () => {
  it("has sources to scan", () => {
    expect(sources.length).toBeGreaterThanOrEqual(4);
  });
  for (const { file, text } of sources) {
    it(`${file} imports no platform client, outbox or channel and calls no write method`, () => {
      const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(
          /platforms\/|\/outbox|\/channels|approvals\/execute|sandbox/,
        );
      }
      expect(text).not.toMatch(/createTask|createNote|createRecord|sendMessage|\bpost\(|fetch\(/);
    });
  }
  it("propose tools are the only non-read tools, and every prompt's tools resolve", () => {
    expect(allTools.filter((t) => t.effect === "propose").map((t) => t.name)).toEqual([
      "propose_family_message",
      "propose_note",
      "propose_task",
      "propose_staff_reassignment",
      "submit_incident_triage",
      "submit_review_summary",
      "submit_structured_log",
    ]);
    expect(() => toolsFor(["nope"])).toThrow(/unknown tool/);
  });
});
