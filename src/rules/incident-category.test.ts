import { describe, expect, it } from "vitest";
import { incidentCategory } from "./incident-category.js";
import { incidentSeverityFloor } from "./incident-severity.js";

const categorize = (text: string) => incidentCategory(text, incidentSeverityFloor(text).because);

describe("incidentCategory", () => {
  it("puts an allergy floor first and medication errors and symptoms under illness", () => {
    expect(categorize("Hives after snack, Benadryl given")).toBe("allergy");
    expect(categorize("Gave 10 ml instead of 5 ml of his amoxicillin")).toBe("illness");
    expect(categorize("Vomited twice after lunch")).toBe("illness");
    expect(categorize("Had a seizure during nap, 911 called")).toBe("illness");
  });

  it("does not call a negated symptom an illness", () => {
    expect(categorize("Bumped forehead on the table, no vomiting")).toBe("injury");
  });

  it("calls it behavior when the child did it to someone, injury when it happened to them", () => {
    expect(categorize("He bit two classmates during transitions")).toBe("behavior");
    expect(categorize("Pushed a friend off the tricycle")).toBe("behavior");
    expect(categorize("Long tantrum at drop-off")).toBe("behavior");
    expect(categorize("Was bitten on the arm by a classmate")).toBe("injury");
    expect(categorize("She hit the back of her head on his shoulder")).toBe("injury");
  });

  it("calls damage or loss of things property, unless a child was hurt", () => {
    expect(categorize("His glasses were broken when a child stepped on them")).toBe("property");
    expect(categorize("Her blanket was lost on the field trip")).toBe("property");
    expect(categorize("Stroller wheel came off and she cut her lip, bleeding")).toBe("injury");
  });

  it("keeps a missing child or unauthorized pick-up as other", () => {
    expect(categorize("Could not find him for four minutes")).toBe("other");
    expect(categorize("Released to an aunt not on the pick-up list")).toBe("other");
    expect(categorize("Scraped knee, bandaid")).toBe("injury");
  });
});
