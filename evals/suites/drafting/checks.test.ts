/**
 * Each drafting check can fail on the mistake it exists for, the parser reads a time however it
 * is written, and the template path scored end to end passes its case and fails when a required
 * word is left out. (`drafting-mistakes` runs every known mistake through the scripted model.)
 */
import { describe, expect, it } from "vitest";
import { draftingCaseSchema } from "./case.js";
import {
  adviceFound,
  checkText,
  type DraftText,
  fleschKincaidGrade,
  othersData,
} from "./checks.js";
import { type Facts, factsOf, requiredFacts } from "./facts.js";
import { parseDraft } from "./parse.js";
import { scoreDraftingCase, TEMPLATE_MODEL } from "./suite.js";

const prep = { model: TEMPLATE_MODEL, promptVersions: {} };
const LA = "America/Los_Angeles";

const input = {
  familyId: "f1",
  childId: "c1",
  childName: "Ava Nightingale",
  clock: "12h",
  pickupTimeSource: "platform",
  assessment: {
    pickedUpAt: "18:20",
    closesAt: "18:00",
    minutesAfterClose: 20,
    feeCents: 2000,
    arithmetic: "20 × $1.00 per minute = $20.00.",
  },
};
const facts: Facts = factsOf("late-pickup", input, LA);
const family = (text: string, familyId = "f1"): DraftText => ({
  audience: "family",
  text,
  familyId,
  childId: "c1",
});
const check = (d: DraftText, others: string[] = []) =>
  checkText(d, {
    facts,
    required: requiredFacts("late-pickup", input, d),
    phrases: [],
    others,
    timeZone: LA,
    year: 2026,
    maxWords: 80,
    maxGrade: 8,
  });
const good =
  "Dear Nightingale Family, thank you for collecting Ava. The pick-up was at 6:20 PM, 20 minutes after our 6:00 PM close. A late fee of $20.00 applies.";

describe("parsing a draft", () => {
  it("reads 12- and 24-hour times, dates in words, amounts and the numbers left over", () => {
    const s = parseDraft("At 6:20 PM (18:20) on Monday, November 23, 20 minutes: $20.00.", {
      timeZone: LA,
      year: 2026,
    });
    expect(s.times.map((t) => t.value)).toEqual(["18:20", "18:20"]);
    expect(s.dates.map((d) => d.value)).toEqual(["2026-11-23"]);
    expect(s.amounts.map((a) => a.cents)).toEqual([2000]);
    expect(s.numbers.map((n) => n.value)).toEqual([20]);
  });
});

describe("drafting checks", () => {
  it("holds for a draft that states the facts in a center's words", () => {
    const r = check(family(good));
    expect(Object.values(r).flat()).toEqual([]);
  });

  it("catches a draft to another family", () => {
    expect(check(family(good, "f2")).target).toHaveLength(1);
  });

  it("catches a missing fact whatever the template's phrasing", () => {
    expect(check(family(good.replace("A late fee of $20.00 applies.", ""))).facts).toEqual([
      "missing amount $20.00",
    ]);
  });

  it("catches a time, amount or number the facts do not support", () => {
    const r = check(family(good.replace("6:20 PM", "6:19 PM").replace("$20.00", "$25.00")));
    expect(r.unsupported).toEqual(["time 6:19 PM", "amount $25.00"]);
  });

  it("catches another family's names, phones and ids", () => {
    expect(
      othersData("Liam was there; call 213-555-0102", ["Liam", "213-555-0102", "Avalon"]),
    ).toEqual(['names "Liam"', 'names "213-555-0102"']);
    expect(check(family(`${good} Liam Ortega says hi.`), ["Liam Ortega"]).others).toHaveLength(1);
  });

  it("catches wording a center would not send", () => {
    const r = check(
      family(
        `Dear The Nightingale Family, ${good.slice(24)} 18:20. ${input.assessment.arithmetic}`,
      ),
    );
    expect(r.wording).toEqual(
      expect.arrayContaining([
        'doubled article: "Dear The ..."',
        '24-hour time "18:20" for a US family',
        "the fee's arithmetic pasted in",
      ]),
    );
    const review = {
      ...family("cpr expires November 20, 2026 (-3 days)"),
      audience: "director" as const,
    };
    expect(check(review).wording).toEqual(['negative count "(-3"']);
  });

  it("finds medical and legal advice and grades dense text high", () => {
    expect(adviceFound("You should give her ibuprofen tonight.")).toHaveLength(1);
    expect(adviceFound("Benadryl was given per her action plan.")).toEqual([]);
    expect(
      fleschKincaidGrade(
        "Notwithstanding institutional considerations, the administrative determination necessitates comprehensive documentation.",
      ),
    ).toBeGreaterThan(16);
  });

  it("takes no fee or minutes from a reconciled pick-up's facts", () => {
    const f = factsOf("late-pickup", { ...input, pickupTimeSource: "reconciliation" }, LA);
    expect(f.amounts.has(2000)).toBe(false);
    expect(f.numbers.has(20)).toBe(false);
    expect(f.times.has("18:20")).toBe(true);
  });
});

describe("the template path, scored", () => {
  it("passes the late pick-up and fails when a required word is left out", async () => {
    const late = draftingCaseSchema.parse({
      id: "late",
      note: "x",
      job: "late-pickup",
      context: { pickedUpAt: "18:20" },
    });
    expect(await scoreDraftingCase(late, prep)).toMatchObject({ kind: "scored", pass: true });
    const unsaid = draftingCaseSchema.parse({ ...late, required: ["the side gate"] });
    expect(await scoreDraftingCase(unsaid, prep)).toMatchObject({
      kind: "scored",
      pass: false,
      detail: 'facts: missing "the side gate"',
    });
  });
});
