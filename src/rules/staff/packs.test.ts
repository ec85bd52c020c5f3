import { describe, expect, it } from "vitest";
import { credentialPackSchema } from "./credential-pack.js";
import { credentialPackProblems, getCredentialPack } from "./credential-packs/index.js";
import { laborPackSchema } from "./labor-pack.js";
import { getLaborPack, laborPackProblems } from "./labor-packs/index.js";

describe("credential pack checks", () => {
  const ca = getCredentialPack("US-CA")!;

  it("accepts the shipped packs and keeps them frozen", () => {
    expect(credentialPackProblems(ca)).toEqual([]);
    expect(Object.isFrozen(ca.credentials[0]?.roles)).toBe(true);
  });

  it("rejects a repeated id, a citation whose strength and source disagree, and a 24-month calendar period", () => {
    const cpr = ca.credentials[0]!;
    const pack = credentialPackSchema.parse({
      ...ca,
      credentials: [
        cpr,
        { ...cpr, type: "cpr_again" },
        { ...cpr, id: "x", type: "x", citation: { source: "22 CCR §1", strength: "UNCONFIRMED" } },
      ],
      training: [
        {
          id: "t",
          label: "t",
          hours: 10,
          period: { anchor: "calendar", months: 24 },
          roles: ["teacher"],
          topics: null,
          citation: { source: "UNCONFIRMED: t", strength: "S" },
        },
      ],
    });
    expect(credentialPackProblems(pack)).toEqual([
      "US-CA: requirement id cpr used twice",
      'US-CA x: strength UNCONFIRMED but source does not start with "UNCONFIRMED:"',
      'US-CA t: strength S but source starts with "UNCONFIRMED:"',
      "US-CA t: calendar periods must be 12 months",
    ]);
  });
});

describe("labour pack checks", () => {
  it("accepts the shipped packs", () => {
    for (const code of ["US-CA", "US-WA", "US-NY", "US-IL", "US-TX"]) {
      expect(laborPackProblems(getLaborPack(code))).toEqual([]);
    }
  });

  it("rejects double time before overtime, repeated meal ids and a mislabelled citation", () => {
    const ca = getLaborPack("US-CA");
    const pack = laborPackSchema.parse({
      ...ca,
      overtime: { ...ca.overtime, dailyDoubleAfterHours: 8 },
      meals: [
        ca.meals[0]!,
        { ...ca.meals[0]!, citation: { source: "UNCONFIRMED: x", strength: "P" } },
      ],
    });
    expect(laborPackProblems(pack)).toEqual([
      'US-CA first_meal: strength P but source starts with "UNCONFIRMED:"',
      "US-CA: double time must start after daily overtime",
      "US-CA: meal rule ids repeat",
    ]);
  });
});
