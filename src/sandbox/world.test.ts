import { describe, expect, it } from "vitest";
import { addDays } from "../domain/time.js";
import { authorizedPickups, createWorld, worldIndex } from "./world.js";

const REF = "2026-11-23";
const world = createWorld({ seed: 42, centers: 7, referenceDate: REF });

const ageInDays = (birth: string) => (Date.parse(REF) - Date.parse(birth)) / 86_400_000;
const ageInYears = (birth: string) => {
  const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
  const [ry, rm, rd] = REF.split("-").map(Number) as [number, number, number];
  return ry - y - (rm < m || (rm === m && rd < d) ? 1 : 0);
};

describe("createWorld", () => {
  it("alternates providers and cycles jurisdictions with their time zones", () => {
    expect(world.centers.map((c) => c.provider)).toEqual([
      "procare",
      "kangarootime",
      "procare",
      "kangarootime",
      "procare",
      "kangarootime",
      "procare",
    ]);
    expect(world.centers.map((c) => c.jurisdiction)).toEqual([
      "US-CA",
      "US-TX",
      "US-NY",
      "US-FL",
      "US-WA",
      "US-IL",
      "US-PA",
    ]);
    expect(world.centers[0]!.timeZone).toBe("America/Los_Angeles");
    expect(world.centers[1]!.timeZone).toBe("America/Chicago");
    expect(new Set(world.centers.map((c) => c.name)).size).toBe(7);
  });

  it("gives every center 5 rooms, 60 children and 14 staff", () => {
    for (const c of world.centers) {
      expect(c.rooms.map((r) => r.ageGroup)).toEqual([
        "infant",
        "toddler",
        "twos",
        "preschool",
        "school_age",
      ]);
      expect(c.children).toHaveLength(60);
      expect(c.staff).toHaveLength(14);
      const roles = c.staff.map((s) => s.role);
      expect(roles.filter((r) => r === "director")).toHaveLength(1);
      expect(roles.filter((r) => r === "assistant_director")).toHaveLength(1);
      expect(roles.filter((r) => r === "lead_teacher")).toHaveLength(5);
      expect(roles.filter((r) => r === "teacher" || r === "assistant_teacher")).toHaveLength(5);
      expect(roles.filter((r) => r === "floater")).toHaveLength(2);
    }
  });

  it("uses each provider's id style, unique across the chain", () => {
    const [procare, kangaroo] = world.centers;
    expect(procare!.id).toBe("center_001");
    expect(procare!.rooms[0]!.id).toBe("room_101");
    expect(procare!.children[0]!.id).toBe("child_1001");
    expect(procare!.staff[0]!.id).toMatch(/^emp_1\d\d$/);
    expect(procare!.families[0]!.id).toMatch(/^fam_1\d\d$/);
    expect(kangaroo!.id).toBe("CTR_002");
    expect(kangaroo!.rooms[0]!.id).toMatch(/^ROOM_2\d\d$/);
    expect(kangaroo!.children[0]!.id).toMatch(/^CHLD_2\d{3}$/);
    expect(kangaroo!.staff[0]!.id).toMatch(/^STF_2\d\d$/);
    expect(kangaroo!.families[0]!.id).toMatch(/^FAM_2\d\d$/);
    const all = world.centers.flatMap((c) => [
      c.id,
      ...c.rooms.map((r) => r.id),
      ...c.children.map((x) => x.id),
      ...c.staff.map((x) => x.id),
      ...c.families.map((x) => x.id),
    ]);
    expect(new Set(all).size).toBe(all.length);
  });

  it("ages children to their room's band at the reference date", () => {
    const bands = {
      infant: [42, 365],
      toddler: [365, 730],
      twos: [730, 1095],
      preschool: [1095, 1826],
      school_age: [1826, 3653],
    } as const;
    const index = worldIndex(world);
    for (const child of world.centers.flatMap((c) => c.children)) {
      const [min, max] = bands[index.rooms.get(child.homeRoomId)!.ageGroup];
      expect(ageInDays(child.birthDate)).toBeGreaterThanOrEqual(min);
      expect(ageInDays(child.birthDate)).toBeLessThan(max);
    }
  });

  it("has exactly one 17-year-old per center, an assistant teacher", () => {
    for (const c of world.centers) {
      const minors = c.staff.filter((s) => ageInYears(s.birthDate) < 18);
      expect(minors).toHaveLength(1);
      expect(ageInYears(minors[0]!.birthDate)).toBe(17);
      expect(minors[0]!.role).toBe("assistant_teacher");
    }
  });

  it("has credentials expiring within 30, 60 and 90 days and one expired", () => {
    for (const c of world.centers) {
      const expiries = c.staff.flatMap((s) => s.credentials.map((x) => x.expiresOn));
      const within = (from: number, to: number) =>
        expiries.filter((e) => e > addDays(REF, from) && e <= addDays(REF, to)).length;
      expect(expiries.filter((e) => e < REF)).toHaveLength(1);
      expect(within(0, 30)).toBe(1);
      expect(within(30, 60)).toBe(1);
      expect(within(60, 90)).toBe(1);
      for (const s of c.staff) {
        expect(s.credentials.map((x) => x.type).sort()).toEqual([
          "background_check",
          "cpr",
          "pediatric_first_aid",
        ]);
      }
    }
  });

  it("gives families reachable guardians with fictional contact details", () => {
    for (const f of world.centers.flatMap((c) => c.families)) {
      expect(f.guardians.length).toBeGreaterThanOrEqual(1);
      for (const g of f.guardians) {
        expect(g.phone).toMatch(/^\d{3}-555-01\d\d$/);
        expect(g.email).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
      }
    }
    const school = world.centers[0]!.children.find((c) => c.homeRoomId === "room_105")!;
    expect(authorizedPickups(world, school).map((p) => p.relationship)).toContain("school bus");
  });

  it("schedules children on weekdays inside opening hours", () => {
    for (const child of world.centers.flatMap((c) => c.children)) {
      expect(child.schedule.length).toBeGreaterThanOrEqual(2);
      for (const d of child.schedule) {
        expect(["mon", "tue", "wed", "thu", "fri"]).toContain(d.day);
        expect(d.arrive >= "07:00" && d.arrive <= "09:30").toBe(true);
        expect(d.depart >= "15:00" && d.depart <= "18:00").toBe(true);
      }
    }
  });

  it("is deterministic for a seed and different for another", () => {
    const again = createWorld({ seed: 42, centers: 7, referenceDate: REF });
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
    const other = createWorld({ seed: 43, centers: 7, referenceDate: REF });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(world));
  });
});
