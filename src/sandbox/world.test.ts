import { describe, expect, it } from "vitest";
import { addDays } from "../domain/time.js";
import { completedMonths } from "../rules/index.js";
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

  it("gives every center 5 rooms, up to 60 children and a roster sized for its state", () => {
    for (const c of world.centers) {
      expect(c.rooms.map((r) => r.ageGroup)).toEqual([
        "infant",
        "toddler",
        "twos",
        "preschool",
        "school_age",
      ]);
      expect(c.children.length).toBeGreaterThanOrEqual(54);
      expect(c.children.length).toBeLessThanOrEqual(60);
      const roles = c.staff.map((s) => s.role);
      expect(roles.filter((r) => r === "director")).toHaveLength(1);
      expect(roles.filter((r) => r === "assistant_director")).toHaveLength(1);
      expect(roles.filter((r) => r === "assistant_teacher")).toHaveLength(2);
      expect(roles.filter((r) => r === "floater")).toHaveLength(2);
      // A lead teacher opens every room and a teacher closes it; more teachers as the ratios need.
      for (const room of c.rooms) {
        const own = c.staff.filter((s) => s.homeRoomId === room.id);
        expect(own.filter((s) => s.role === "lead_teacher")).toHaveLength(1);
        expect(own.filter((s) => s.role === "teacher").length).toBeGreaterThanOrEqual(1);
        expect(own.find((s) => s.role === "lead_teacher")?.duty.start).toBe("06:30");
        expect(own.some((s) => s.duty.end === "18:30")).toBe(true);
      }
      expect(c.staff.length).toBeGreaterThan(14);
      expect(c.staff.filter((s) => s.duty.substitute)).toHaveLength(1);
      expect(c.staff.some((s) => s.duty.callOutCandidate)).toBe(true);
    }
    // California and Texas enroll the usual 60; New York's toddler room holds no more than its
    // infant band's group of 8, and Pennsylvania's no more than its young toddlers' 10.
    const byState = new Map(world.centers.map((c) => [c.jurisdiction, c]));
    const enrolled = (state: string, ageGroup: string) => {
      const c = byState.get(state)!;
      const room = c.rooms.find((r) => r.ageGroup === ageGroup)!;
      return c.children.filter((k) => k.homeRoomId === room.id).length;
    };
    expect(byState.get("US-CA")!.children).toHaveLength(60);
    expect(byState.get("US-TX")!.children).toHaveLength(60);
    expect(enrolled("US-NY", "toddler")).toBe(8);
    expect(enrolled("US-PA", "toddler")).toBe(10);
    expect(enrolled("US-NY", "infant")).toBe(8);
    expect(enrolled("US-NY", "preschool")).toBe(18);
  });

  it("never puts ages in one room that the state keeps apart", () => {
    // Washington forbids toddlers (to 29 months) and preschoolers (from 30) in one group: its twos
    // room stops at 28 months, a month short, so the room stays lawful as the children grow.
    const wa = world.centers.find((c) => c.jurisdiction === "US-WA")!;
    const twos = wa.rooms.find((r) => r.ageGroup === "twos")!;
    const months = (birth: string) => completedMonths(birth, REF);
    const ages = wa.children
      .filter((c) => c.homeRoomId === twos.id)
      .map((c) => months(c.birthDate));
    expect(Math.max(...ages)).toBeLessThanOrEqual(28);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(24);
    // New York's youngest infants are past the 1:3 under-6-weeks band (months 0–1 in its pack).
    const ny = world.centers.find((c) => c.jurisdiction === "US-NY")!;
    const infants = ny.rooms.find((r) => r.ageGroup === "infant")!;
    for (const c of ny.children.filter((k) => k.homeRoomId === infants.id)) {
      expect(months(c.birthDate)).toBeGreaterThanOrEqual(2);
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
      const expiries = c.staff.flatMap((s) =>
        s.credentials.flatMap((x) => (x.expiresOn === null ? [] : [x.expiresOn])),
      );
      const within = (from: number, to: number) =>
        expiries.filter((e) => e > addDays(REF, from) && e <= addDays(REF, to)).length;
      expect(expiries.filter((e) => e < REF)).toHaveLength(1);
      expect(within(0, 30)).toBe(1);
      expect(within(30, 60)).toBe(1);
      expect(within(60, 90)).toBe(1);
      for (const s of c.staff) {
        const types = s.credentials.map((x) => x.type);
        expect(types).toEqual(
          expect.arrayContaining(["background_check", "cpr", "pediatric_first_aid"]),
        );
      }
      // Once-only records on file for all but two people: a few real gaps, not a wall of red.
      const screened = c.staff.filter((s) =>
        s.credentials.some((x) => x.type === "health_screening"),
      );
      expect(screened).toHaveLength(c.staff.length - 1);
      const teachers = c.staff.filter((s) => s.role === "teacher" || s.role === "lead_teacher");
      const qualified = teachers.filter((s) =>
        s.credentials.some((x) => x.type === "teacher_qualification"),
      );
      expect(qualified).toHaveLength(teachers.length - 1);
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
