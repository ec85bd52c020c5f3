import { describe, expect, it } from "vitest";
import { incidentSeverityFloor, injuryFieldsSchema, severityAtLeast } from "./incident-severity.js";

describe("incidentSeverityFloor", () => {
  it("sets high for a head injury and says which words did it", () => {
    expect(incidentSeverityFloor("Tripped and bumped forehead on the mat edge")).toEqual({
      floor: "high",
      because: ['head injury ("forehead")'],
    });
  });

  it("sets high for bleeding, allergy, loss of consciousness and emergency care", () => {
    for (const text of [
      "Cut lip, bleeding stopped after pressure",
      "Hives after snack, anaphylactic signs, EpiPen given",
      "Child fainted briefly",
      "Parent took child to the ER",
    ]) {
      expect(incidentSeverityFloor(text).floor, text).toBe("high");
    }
  });

  it("sets medium for a bite or a scratch, and low when nothing matches", () => {
    expect(incidentSeverityFloor("Was bitten on the arm by a peer")).toEqual({
      floor: "medium",
      because: ['bite ("bitten")'],
    });
    expect(incidentSeverityFloor("Scratched cheek while playing").floor).toBe("medium");
    expect(incidentSeverityFloor("Upset at drop-off, calmed with a story")).toEqual({
      floor: "low",
      because: [],
    });
  });

  it("matches whole words only and ignores a negated word", () => {
    // "water" holds "er", "bitter" holds "bit": neither is a keyword.
    expect(incidentSeverityFloor("Spilled water, bitter about it").floor).toBe("low");
    expect(incidentSeverityFloor("Knocked chin; slight redness, no bleeding").floor).toBe("low");
  });

  it("raises the floor from the injury fields", () => {
    const fields = injuryFieldsSchema.parse({ bodyPart: "Face", firstAid: true });
    expect(incidentSeverityFloor("Minor bump", fields)).toEqual({
      floor: "high",
      because: ["injury field: body part Face"],
    });
    expect(incidentSeverityFloor("", injuryFieldsSchema.parse({ firstAid: true })).floor).toBe(
      "medium",
    );
  });

  it("orders severities", () => {
    expect(severityAtLeast("high", "medium")).toBe(true);
    expect(severityAtLeast("medium", "medium")).toBe(true);
    expect(severityAtLeast("low", "medium")).toBe(false);
  });
});
