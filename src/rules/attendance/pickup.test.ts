import { describe, expect, it } from "vitest";
import { normalizeName, verifyPickup } from "./pickup.js";

const list = [
  { name: "Marisol Quintero-Vale", relationship: "mother" },
  { name: "Desmond Vale", relationship: "father" },
  { name: "Zoë Arkwright", relationship: "grandmother" },
];

describe("pick-up verification", () => {
  it("authorizes an exact name, ignoring case, accents, punctuation and spacing", () => {
    expect(
      verifyPickup({
        childId: "c1",
        personName: "  desmond   VALE ",
        method: "pin",
        authorizedPickups: list,
      }),
    ).toMatchObject({
      decision: "authorized",
      matched: "Desmond Vale",
      relationship: "father",
    });
    expect(
      verifyPickup({
        childId: "c1",
        personName: "Zoe Arkwright",
        method: "qr",
        authorizedPickups: list,
      }).decision,
    ).toBe("authorized");
    expect(normalizeName("Marisol Quintero-Vale")).toBe("marisol quintero vale");
  });

  it("refuses a near miss and names the similar authorized people for the director", () => {
    const d = verifyPickup({
      childId: "c1",
      personName: "Desmund Vale",
      method: "staff_entry",
      authorizedPickups: list,
    });
    expect(d.decision).toBe("not_authorized");
    if (d.decision === "authorized") throw new Error("unreachable");
    // A shared surname is a hint too: families often share one.
    expect(d.nearMatches).toEqual(["Marisol Quintero-Vale", "Desmond Vale"]);
    expect(d.reason).toMatch(/a director must confirm/);
  });

  it("refuses a stranger with no near matches", () => {
    const d = verifyPickup({
      childId: "c1",
      personName: "Rupert Okonkwo",
      method: "unknown",
      authorizedPickups: list,
    });
    expect(d).toMatchObject({ decision: "not_authorized", nearMatches: [] });
  });

  it("a custody restriction wins over being on the authorized list", () => {
    const d = verifyPickup({
      childId: "c1",
      personName: "Desmond Vale",
      method: "pin",
      authorizedPickups: list,
      restrictions: [{ name: "DESMOND VALE", kind: "court_order", note: "order of 2026-09-01" }],
    });
    expect(d.decision).toBe("restricted");
    expect(d.reason).toMatch(/\(court order\): order of 2026-09-01/);
  });
});
