import { describe, expect, it } from "vitest";
import { zonedDateTimeToInstant } from "../../domain/time.js";
import { checkInExceptions } from "./checkin.js";

const TZ = "America/Los_Angeles";
const child = {
  id: "c1",
  birthDate: "2024-11-10", // 24 months on 2026-11-23
  homeRoomId: "r_twos",
  schedule: [{ day: "mon" as const, arrive: "08:00", depart: "17:00" }],
};
const twos = { id: "r_twos", name: "Twos", ageGroup: "twos" as const };
const at = (time: string, date = "2026-11-23") => zonedDateTimeToInstant(date, time, TZ);
const policy = { opensAt: "07:00", expectedToleranceMinutes: 60, healthScreeningRequired: true };

describe("check-in exceptions", () => {
  it("a normal check-in has none", () => {
    expect(
      checkInExceptions(
        { at: at("08:20"), timeZone: TZ, child, room: twos, healthScreenedToday: true },
        policy,
      ),
    ).toEqual([]);
  });

  it("before opening is early and far from the usual time", () => {
    const found = checkInExceptions(
      { at: at("06:40"), timeZone: TZ, child, room: twos, healthScreenedToday: true },
      policy,
    );
    expect(found.map((e) => e.kind)).toEqual(["early_arrival", "unexpected_time"]);
    expect(found[0]).toMatchObject({ minutesBeforeOpening: 20 });
    expect(found[1]).toMatchObject({ expected: "08:00", minutesOff: -80 });
  });

  it("the tolerance edge: 60 min off is fine, 61 is not", () => {
    const input = (t: string) => ({
      at: at(t),
      timeZone: TZ,
      child,
      room: twos,
      healthScreenedToday: true,
    });
    expect(checkInExceptions(input("09:00"), policy)).toEqual([]);
    expect(checkInExceptions(input("09:01"), policy).map((e) => e.kind)).toEqual([
      "unexpected_time",
    ]);
  });

  it("an unscheduled weekday is flagged", () => {
    const found = checkInExceptions(
      { at: at("08:00", "2026-11-24"), timeZone: TZ, child, room: twos, healthScreenedToday: true },
      policy,
    );
    expect(found).toEqual([expect.objectContaining({ kind: "unexpected_time", expected: null })]);
  });

  it("a room that does not fit the age, or is not the enrolled room, is a mismatch", () => {
    const infants = { id: "r_inf", name: "Infants", ageGroup: "infant" as const };
    const byAge = checkInExceptions(
      { at: at("08:00"), timeZone: TZ, child, room: infants, healthScreenedToday: true },
      policy,
    );
    expect(byAge).toEqual([expect.objectContaining({ kind: "room_mismatch", ageMonths: 24 })]);
    expect(byAge[0]!.reason).toMatch(/24 months is outside Infants/);
    const otherTwos = { id: "r_twos_b", name: "Twos B", ageGroup: "twos" as const };
    const byEnrollment = checkInExceptions(
      { at: at("08:00"), timeZone: TZ, child, room: otherTwos, healthScreenedToday: true },
      policy,
    );
    expect(byEnrollment[0]!.reason).toMatch(/not the child's enrolled room/);
  });

  it("a missing health screening is flagged only where the center requires one", () => {
    const input = { at: at("08:00"), timeZone: TZ, child, room: twos, healthScreenedToday: false };
    expect(checkInExceptions(input, policy).map((e) => e.kind)).toEqual([
      "health_screening_missing",
    ]);
    expect(checkInExceptions(input, { ...policy, healthScreeningRequired: false })).toEqual([]);
  });
});
