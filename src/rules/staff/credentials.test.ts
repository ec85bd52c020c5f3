import { describe, expect, it } from "vitest";
import type { RulePack } from "../pack.js";
import { getRulePack } from "../packs/index.js";
import type { CredentialRequirement, TrainingRequirement } from "./credential-pack.js";
import { credentialPacks, getCredentialPack } from "./credential-packs/index.js";
import {
  countsTowardRatio,
  credentialStatus,
  ratioBlockingCredentials,
  staffComplianceStatus,
  trainingStatus,
  validCredentialTypes,
} from "./credentials.js";

const asOf = "2026-11-23";
const cpr: CredentialRequirement = {
  id: "cpr",
  type: "cpr",
  label: "CPR",
  kind: "expiring",
  validityMonths: 24,
  roles: ["teacher"],
  citation: { source: "test", strength: "P" },
};
const card = (expiresOn: string | null, issuedOn: string | null = "2025-01-01") => ({
  type: "cpr",
  issuedOn,
  expiresOn,
});
/** The date `days` after `asOf`. */
const inDays = (days: number) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("credentialStatus windows", () => {
  const cases: [number, string][] = [
    [-30, "overdue"],
    [-1, "overdue"],
    [0, "expiring_30"],
    [1, "expiring_30"],
    [30, "expiring_30"],
    [31, "expiring_60"],
    [60, "expiring_60"],
    [61, "expiring_90"],
    [90, "expiring_90"],
    [91, "valid"],
    [700, "valid"],
  ];
  for (const [days, status] of cases) {
    it(`expiring in ${days} days is ${status}`, () => {
      const r = credentialStatus(cpr, card(inDays(days)), asOf);
      expect(r.status).toBe(status);
      expect(r.daysRemaining).toBe(days);
      expect(r.expiresOn).toBe(inDays(days));
    });
  }

  it("explains the day of expiry as still valid, and the day after as expired", () => {
    expect(credentialStatus(cpr, card(asOf), asOf).explanation).toBe(
      "CPR: expiring within 30 days: expires today, 2026-11-23 (valid through the end of the day).",
    );
    expect(credentialStatus(cpr, card(inDays(-1)), asOf).explanation).toBe(
      "CPR: expired: expired 2026-11-22, 1 day ago.",
    );
  });

  it("is missing with no record, with an undated expiring record, or one issued later", () => {
    expect(credentialStatus(cpr, undefined, asOf)).toMatchObject({
      status: "missing",
      daysRemaining: null,
      explanation: "CPR: missing (no record).",
    });
    expect(credentialStatus(cpr, card(null, null), asOf).status).toBe("missing");
    expect(credentialStatus(cpr, card(inDays(800), inDays(1)), asOf).status).toBe("missing");
  });

  it("derives the expiry from the issue date and the validity period when none is recorded", () => {
    // Issued 2024-12-01 + 24 months − 1 day = 2026-11-30: 7 days left.
    const r = credentialStatus(cpr, card(null, "2024-12-01"), asOf);
    expect(r).toMatchObject({ status: "expiring_30", expiresOn: "2026-11-30", daysRemaining: 7 });
    expect(r.explanation).toContain("issued 2024-12-01 + 24 months");
  });

  it("a qualification held once is valid without an expiry date", () => {
    const degree = {
      ...cpr,
      id: "q",
      type: "teacher_qualification",
      kind: "once" as const,
      validityMonths: null,
    };
    const r = credentialStatus(
      degree,
      { type: "teacher_qualification", issuedOn: null, expiresOn: null },
      asOf,
    );
    expect(r).toMatchObject({ status: "valid", daysRemaining: null, expiresOn: null });
  });
});

describe("ratio counting", () => {
  const tx = getRulePack("US-TX")!;
  const requiring: RulePack = {
    ...tx,
    staff: { ...tx.staff, credentialsToCount: ["cpr", "pediatric_first_aid"] },
  };
  const creds = [
    card(inDays(-1)),
    card(inDays(10), "2026-01-01"),
    { type: "pediatric_first_aid", issuedOn: null, expiresOn: inDays(-1) },
    { type: "background_check", issuedOn: null, expiresOn: null },
  ];

  it("lists types in force: a renewal wins over the lapsed record, undated counts", () => {
    expect(validCredentialTypes(creds, asOf)).toEqual(["background_check", "cpr"]);
  });

  it("names exactly the pack's required types not in force, lapsed or missing", () => {
    expect(ratioBlockingCredentials(creds, requiring, asOf)).toEqual(["pediatric_first_aid"]);
    expect(countsTowardRatio([], requiring, asOf)).toEqual({
      counts: false,
      blocking: ["cpr", "pediatric_first_aid"],
    });
    // Expiring today still counts today; the next day it does not.
    const today = [card(asOf), { type: "pediatric_first_aid", issuedOn: null, expiresOn: asOf }];
    expect(countsTowardRatio(today, requiring, asOf).counts).toBe(true);
    expect(countsTowardRatio(today, requiring, inDays(1)).blocking).toEqual([
      "cpr",
      "pediatric_first_aid",
    ]);
  });

  it("blocks nobody under the real packs, which tie no credential to counting", () => {
    expect(countsTowardRatio([], tx, asOf)).toEqual({ counts: true, blocking: [] });
  });
});

describe("trainingStatus", () => {
  const annual: TrainingRequirement = {
    id: "annual_training",
    label: "24 hours a year",
    hours: 24,
    period: { anchor: "calendar", months: 12 },
    roles: ["teacher"],
    topics: null,
    citation: { source: "test", strength: "P" },
  };
  const rec = (id: string, completedOn: string, hours: number, topic: string | null = null) => ({
    id,
    completedOn,
    hours,
    topic,
  });

  it("counts hours in the calendar year and judges the pace", () => {
    // 2026-11-23 is day 327 of 365: pace = 24 × 327/365 = 21.5.
    const records = [
      rec("a", "2025-06-01", 24),
      rec("b", "2026-03-01", 12),
      rec("c", "2026-10-01", 9.5),
    ];
    const r = trainingStatus(annual, records, "2020-01-01", asOf);
    expect(r).toMatchObject({
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      completed: 21.5,
      remaining: 2.5,
      status: "on_pace",
      daysLeftInPeriod: 38,
      recordIds: ["b", "c"],
      previousPeriod: { start: "2025-01-01", end: "2025-12-31", completed: 24, met: true },
    });
    const behind = trainingStatus(annual, records.slice(0, 2), "2020-01-01", asOf);
    expect(behind.status).toBe("behind_pace");
    expect(behind.explanation).toContain("behind pace (21.5 expected by now)");
    const met = trainingStatus(
      annual,
      [...records, rec("d", "2026-11-23", 2.5)],
      "2020-01-01",
      asOf,
    );
    expect(met).toMatchObject({ status: "met", completed: 24, remaining: 0 });
  });

  it("is overdue when the last full period employed ended short, not when hired mid-period", () => {
    const records = [rec("a", "2025-06-01", 20), rec("b", "2026-02-01", 24)];
    const r = trainingStatus(annual, records, "2020-01-01", asOf);
    expect(r.status).toBe("overdue");
    expect(r.explanation).toContain(
      "the previous period (2025-01-01–2025-12-31) ended with 20 of 24 hours",
    );
    expect(trainingStatus(annual, records, "2025-03-01", asOf)).toMatchObject({
      status: "met",
      previousPeriod: null,
    });
  });

  it("measures pace from the hire date when hired during the period", () => {
    // Hired 2026-11-01: 23 of 61 days elapsed → pace 24 × 23/61 = 9.05.
    const r = trainingStatus(annual, [rec("a", "2026-11-10", 9)], "2026-11-01", asOf);
    expect(r.status).toBe("behind_pace");
    expect(r.explanation).toContain("9.05 expected");
  });

  it("uses periods from the hire date, and counts only listed topics", () => {
    const biennial = {
      ...annual,
      hours: 30,
      period: { anchor: "hire" as const, months: 24 },
      topics: ["safety"],
    };
    const records = [
      rec("a", "2025-05-01", 20, "safety"),
      rec("b", "2026-01-01", 10, "art"),
      rec("c", "2026-11-23", 10, "safety"),
    ];
    const r = trainingStatus(biennial, records, "2023-02-15", asOf);
    expect(r).toMatchObject({
      periodStart: "2025-02-15",
      periodEnd: "2027-02-14",
      completed: 30,
      // The first two years (hire to 2025-02-14) logged no safety hours: a finding that stays.
      status: "overdue",
      recordIds: ["a", "c"],
      previousPeriod: { start: "2023-02-15", end: "2025-02-14", completed: 0, met: false },
    });
  });
});

describe("staffComplianceStatus", () => {
  const ca = getCredentialPack("US-CA")!;

  it("checks only the role's requirements, reports the worst and what to do, worst first", () => {
    const s = staffComplianceStatus(
      {
        id: "s1",
        role: "teacher",
        hireDate: "2024-01-01",
        credentials: [
          { type: "cpr", issuedOn: "2025-01-01", expiresOn: inDays(20) },
          { type: "pediatric_first_aid", issuedOn: "2025-01-01", expiresOn: inDays(45) },
          { type: "background_check", issuedOn: "2024-01-01", expiresOn: inDays(400) },
          { type: "health_screening", issuedOn: "2024-01-01", expiresOn: null },
        ],
      },
      ca,
      asOf,
    );
    expect(s.credentials.map((c) => [c.requirementId, c.status])).toEqual([
      ["cpr", "expiring_30"],
      ["pediatric_first_aid", "expiring_60"],
      ["background_check", "valid"],
      ["health_screening", "valid"],
      ["teacher_qualification", "missing"],
    ]);
    expect(s.worst).toBe("missing");
    expect(s.compliant).toBe(false);
    expect(s.actions[0]).toBe("Teacher qualification: missing (no record).");
    expect(s.actions[1]).toContain("CPR (pediatric): expiring within 30 days");
    expect(s.credentials.every((c) => c.unconfirmed)).toBe(true);
  });

  it("a cook needs only the background check and health screening", () => {
    const s = staffComplianceStatus(
      { id: "k", role: "cook", hireDate: null, credentials: [] },
      getCredentialPack("US-TX")!,
      asOf,
    );
    expect(s.credentials.map((c) => c.requirementId)).toEqual([
      "background_check",
      "health_screening",
    ]);
    expect(s.training).toEqual([]);
  });
});

describe("credential packs", () => {
  it("cover every state with a ratio pack and mark every requirement unconfirmed honestly", () => {
    expect([...credentialPacks.keys()].sort()).toEqual([
      "US-AZ",
      "US-CA",
      "US-FL",
      "US-GA",
      "US-IL",
      "US-MA",
      "US-MI",
      "US-NC",
      "US-NJ",
      "US-NY",
      "US-OH",
      "US-PA",
      "US-TX",
      "US-VA",
      "US-WA",
    ]);
    for (const pack of credentialPacks.values()) {
      expect(getRulePack(pack.code)).toBeDefined();
      for (const r of [...pack.credentials, ...pack.training]) {
        expect(r.citation.strength).toBe("UNCONFIRMED");
        expect(r.citation.source.startsWith("UNCONFIRMED:")).toBe(true);
      }
      expect(pack.credentials.map((c) => c.type)).toEqual(
        expect.arrayContaining([
          "cpr",
          "pediatric_first_aid",
          "background_check",
          "health_screening",
        ]),
      );
    }
  });
});
