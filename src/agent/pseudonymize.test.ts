import { describe, expect, it } from "vitest";
import { createPseudonymizer, type Person } from "./pseudonymize.js";

const people: Person[] = [
  { kind: "CHILD", firstName: "Mira", lastName: "Iverson" },
  { kind: "CHILD", firstName: "Theo", lastName: "Okafor" },
  { kind: "CHILD", firstName: "Sam", lastName: "Lindqvist" },
  {
    kind: "GUARDIAN",
    firstName: "Renee",
    lastName: "Iverson",
    phone: "213-555-0100",
    email: "renee.iverson@example.com",
    address: "14 Maple Street",
  },
  { kind: "STAFF", firstName: "Sam", lastName: "Pemberton" },
];

describe("createPseudonymizer", () => {
  it("gives each person one token, from the full name or an unshared first name, in input order", () => {
    const p = createPseudonymizer(people);
    expect(p.mask("Mira Iverson and Mira; Theo Okafor, Renee Iverson")).toBe(
      "CHILD_1 and CHILD_1; CHILD_2, GUARDIAN_1",
    );
    expect(p.mask("Sam Pemberton covered for Sam Lindqvist")).toBe("STAFF_1 covered for CHILD_3");
    // The same directory always gives the same tokens.
    expect(createPseudonymizer(people).mask("Theo, Renee")).toBe(p.mask("Theo, Renee"));
  });

  it("masks a shared first name and a surname on their own with exact-text tokens", () => {
    const p = createPseudonymizer(people);
    const masked = p.mask("Sam napped. The Iverson family called.");
    expect(masked).toMatch(/^NAME_\d+ napped\. The NAME_\d+ family called\.$/);
    expect(p.restore(masked)).toBe("Sam napped. The Iverson family called.");
    expect(p.mask("sam and SAM")).not.toMatch(/sam/i);
  });

  it("masks known and unknown phones, e-mails and street addresses, leaving dates and times alone", () => {
    const p = createPseudonymizer(people);
    const text =
      "Call (213) 555-0100 or +1 213 555 0100, or 310.555.0199; mail renee.iverson@example.com or x.y@example.org; lives at 14 Maple Street. Napped 2026-11-23 12:10-1:40.";
    const masked = p.mask(text);
    expect(masked).toBe(
      "Call PHONE_1 or PHONE_1, or PHONE_2; mail EMAIL_1 or EMAIL_2; lives at ADDRESS_1. Napped 2026-11-23 12:10-1:40.",
    );
    expect(p.restore("PHONE_2, EMAIL_2, ADDRESS_1")).toBe(
      "310.555.0199, x.y@example.org, 14 Maple Street",
    );
  });

  it("restores tokens deep inside tool input, children by first name and adults by full name", () => {
    const p = createPseudonymizer(people);
    p.mask("Mira Iverson, Renee Iverson and Sam Pemberton");
    expect(
      p.restore({
        subject: "CHILD_1 is waiting",
        lines: ["Hi GUARDIAN_1,", { by: "STAFF_1", n: 3 }],
        unknown: "CHILD_99 and CHILD_10",
      }),
    ).toEqual({
      subject: "Mira is waiting",
      lines: ["Hi Renee Iverson,", { by: "Sam Pemberton", n: 3 }],
      unknown: "CHILD_99 and CHILD_10",
    });
  });

  it("does not match names inside other words or tokens", () => {
    const p = createPseudonymizer([{ kind: "CHILD", firstName: "Ava", lastName: "Lee" }]);
    expect(p.mask("Avalon and Leeds; CHILD_1 stays")).toBe("Avalon and Leeds; CHILD_1 stays");
    expect(p.mask("Ava, ava, AVA LEE")).toBe("CHILD_1, CHILD_1, CHILD_1");
  });

  it("restores only tokens it issued: a made-up or never-shown token stays a token and is named", () => {
    const p = createPseudonymizer(people);
    expect(p.mask("Theo Okafor waits; call 213-555-0100")).toBe("CHILD_2 waits; call PHONE_1");
    // CHILD_1 (Mira) exists in the table but this run never showed it; PHONE_77 does not exist.
    const draft = { body: "CHILD_2 and CHILD_1 left; call PHONE_77 or PHONE_1" };
    expect(p.unissued(draft).sort()).toEqual(["CHILD_1", "PHONE_77"]);
    expect(p.restore(draft).body).toBe("Theo and CHILD_1 left; call PHONE_77 or 213-555-0100");
  });

  it("names the people of another family in a family's message, capitalized names only", () => {
    const withFamilies: Person[] = [
      { kind: "CHILD", firstName: "Mira", lastName: "Iverson", familyId: "fam_1" },
      { kind: "CHILD", firstName: "Will", lastName: "Okafor", familyId: "fam_2" },
      {
        kind: "GUARDIAN",
        firstName: "Ada",
        lastName: "Okafor",
        phone: "213-555-0101",
        familyId: "fam_2",
      },
      { kind: "STAFF", firstName: "Sam", lastName: "Pemberton" },
    ];
    const p = createPseudonymizer(withFamilies);
    expect(
      p.otherFamilies("Mira had a good day with Sam Pemberton. We will call.", "fam_1"),
    ).toEqual([]);
    expect(
      p.otherFamilies("Mira played with Will; Ada can call 213-555-0101.", "fam_1").sort(),
    ).toEqual(["CHILD_2", "GUARDIAN_1", "PHONE_1"]);
    expect(p.otherFamilies("Will had a good day.", "fam_2")).toEqual([]);
    // A token in the model's own words counts too (it may restore to an ambiguous first name).
    expect(p.otherFamilies("CHILD_1 and CHILD_2 played", "fam_1")).toEqual(["CHILD_2"]);
  });
});
