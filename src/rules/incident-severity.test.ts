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

  it("sets high when a child is unaccounted for, and not for a missing object", () => {
    for (const text of [
      "We could not find him for four minutes on the playground",
      "Headcount at the end of the walk was one short",
      "She was left behind at the park",
      "He wandered off from the group",
      "Child unaccounted for at transition",
    ]) {
      expect(incidentSeverityFloor(text).floor, text).toBe("high");
    }
    // "could not find" cannot tell a child's name from an object, so it errs high on purpose.
    expect(incidentSeverityFloor("We could not find Maya's mitten").floor).toBe("high");
    expect(incidentSeverityFloor("Her mitten went missing at recess").floor).toBe("low");
  });

  it("sets high for an unauthorized pick-up, attempted or done", () => {
    expect(incidentSeverityFloor("A man not on the pick-up list tried to collect her")).toEqual({
      floor: "high",
      because: ['unauthorized pick-up ("not on the pick-up list")'],
    });
    expect(incidentSeverityFloor("Released to an unauthorized adult").floor).toBe("high");
    expect(incidentSeverityFloor("Picked up by grandma, who is on the pick-up list").floor).toBe(
      "low",
    );
  });

  it("sets high for a wrong dose or wrong child, medium for a missed dose or no permission", () => {
    for (const text of [
      "Gave 10 ml of amoxicillin instead of 5 ml",
      "Gave the wrong medication",
      "Tylenol meant for another child was given to him",
      "Staff called poison control",
    ]) {
      expect(incidentSeverityFloor(text).floor, text).toBe("high");
    }
    expect(incidentSeverityFloor("Her inhaler dose was missed at 1pm").floor).toBe("medium");
    expect(incidentSeverityFloor("Cream applied without written permission").floor).toBe("medium");
    expect(incidentSeverityFloor("Inhaler given at 1pm as prescribed, 2 puffs").floor).toBe("low");
  });

  it("sets high for something in the eye, not for the word eye alone", () => {
    expect(incidentSeverityFloor("Sand thrown in her eye; eye flushed").floor).toBe("high");
    expect(incidentSeverityFloor("Hand sanitizer got on his face").floor).toBe("high");
    expect(incidentSeverityFloor("Made good eye contact during story time").floor).toBe("low");
  });

  it("counts broken as a fracture only for a body part, and broken skin as high", () => {
    for (const text of ["Fell and broke his arm", "We think the wrist is broken"]) {
      expect(incidentSeverityFloor(text).floor, text).toBe("high");
    }
    expect(incidentSeverityFloor("His glasses were broken by a peer. No injury").floor).toBe("low");
    expect(incidentSeverityFloor("Broke the crayon in half").floor).toBe("low");
    expect(incidentSeverityFloor("Bitten, skin broken").floor).toBe("high");
    expect(incidentSeverityFloor("Bitten, skin not broken").floor).toBe("medium");
  });

  it("ignores a keyword after no history of, denies, no sign of, or one word after no", () => {
    for (const text of [
      "Bee sting; no history of allergy",
      "Bee sting, denies allergy",
      "Bee sting, no sign of hives",
    ]) {
      expect(incidentSeverityFloor(text), text).toEqual({
        floor: "medium",
        because: ['sting ("sting")'],
      });
    }
    expect(incidentSeverityFloor("Stroller wheel came off; no child fell").floor).toBe("low");
    // Two words between the negation and the keyword: the keyword counts.
    expect(incidentSeverityFloor("No mark on his head").floor).toBe("high");
  });

  it("sets medium for fever, vomiting, burns and nosebleeds, and not when negated", () => {
    for (const text of ["Temperature 101.8", "Vomited twice", "Sunburned shoulders", "Nosebleed"]) {
      expect(incidentSeverityFloor(text).floor, text).toBe("medium");
    }
    expect(incidentSeverityFloor("Red rash, no fever").floor).toBe("low");
  });

  it("orders severities", () => {
    expect(severityAtLeast("high", "medium")).toBe(true);
    expect(severityAtLeast("medium", "medium")).toBe(true);
    expect(severityAtLeast("low", "medium")).toBe(false);
  });
});
