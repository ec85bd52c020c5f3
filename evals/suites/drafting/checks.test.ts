/**
 * Each drafting check can fail: a missing fact, an invented number, another family's name, a
 * draft too long or too hard to read, medical or legal advice — and the template path, scored
 * end to end, passes a case whose facts it states and fails one whose fact it leaves out.
 */
import { describe, expect, it } from "vitest";
import { draftingCaseSchema } from "./case.js";
import {
  adviceFound,
  fleschKincaidGrade,
  inventedNumbers,
  missingFacts,
  othersData,
  syllables,
} from "./checks.js";
import { checkDraft, scoreDraftingCase, TEMPLATE_MODEL } from "./suite.js";

const prep = { model: TEMPLATE_MODEL, promptVersions: {} };

describe("drafting checks", () => {
  it("finds a missing fact", () => {
    expect(missingFacts("Picked up at 18:20.", ["18:20", "$20.00"])).toEqual(['missing "$20.00"']);
  });

  it("finds a number or time that is not in the context", () => {
    const context = "pickedUpAt 18:20 fee $20.00 closes 18:00";
    expect(inventedNumbers("At 18:20, a fee of $20.00.", context)).toEqual([]);
    expect(inventedNumbers("At 18:25, a fee of $25.00.", context)).toEqual([
      "invented 18:25",
      "invented 25.00",
    ]);
  });

  it("finds another family's data as whole words", () => {
    expect(othersData("Dear Iverson family", ["Iverson", "Ava"])).toEqual(['names "Iverson"']);
    expect(othersData("Available", ["Ava"])).toEqual([]);
  });

  it("grades plain text low and dense text high", () => {
    expect(syllables("family")).toBe(3);
    expect(fleschKincaidGrade("We had a fun day. She ate lunch. She took a nap.")).toBeLessThan(3);
    expect(
      fleschKincaidGrade(
        "Notwithstanding institutional considerations, the administrative determination necessitates comprehensive documentation regarding developmental observations.",
      ),
    ).toBeGreaterThan(16);
  });

  it("finds medical and legal advice", () => {
    expect(adviceFound("You should give her ibuprofen tonight.")).toHaveLength(1);
    expect(adviceFound("The center is not liable for the injury.")).toHaveLength(1);
    expect(adviceFound("Benadryl was given per her action plan.")).toEqual([]);
  });

  it("reports each failed check for a draft", () => {
    const c = draftingCaseSchema.parse({
      id: "x",
      note: "x",
      job: "late-pickup",
      required: ["18:20"],
      maxWords: 5,
      maxGrade: 2,
    });
    const r = checkDraft(
      c,
      "Considering the circumstances, you should give acetaminophen immediately, Iverson, at 19:00.",
      "18:20",
      ["Iverson"],
    );
    for (const k of ["facts", "invented", "others", "length", "reading", "advice"] as const) {
      expect(r[k].length, k).toBeGreaterThan(0);
    }
  });
});

describe("the template path, scored", () => {
  it("passes the late pick-up facts and the absence's expected arrival, and fails a fact left out", async () => {
    const late = draftingCaseSchema.parse({
      id: "late",
      note: "x",
      job: "late-pickup",
      context: { pickedUpAt: "18:20" },
      required: ["18:20", "$20.00"],
    });
    expect(await scoreDraftingCase(late, prep)).toMatchObject({ kind: "scored", pass: true });
    const absence = draftingCaseSchema.parse({
      id: "absence",
      note: "x",
      job: "absence-follow-up",
      context: { reason: "not checked in", expectedArrival: "09:15" },
      required: ["09:15"],
    });
    expect(await scoreDraftingCase(absence, prep)).toMatchObject({ kind: "scored", pass: true });
    const unsaid = draftingCaseSchema.parse({ ...absence, required: ["09:15", "the side gate"] });
    expect(await scoreDraftingCase(unsaid, prep)).toMatchObject({
      kind: "scored",
      pass: false,
      detail: 'facts: missing "the side gate"',
    });
  });
});
