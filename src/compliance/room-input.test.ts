import { describe, expect, it } from "vitest";
import type { Child, RoomState, Staff } from "../domain/index.js";
import { assembleRooms } from "../live/room-state.js";
import { evaluateRoom, getRulePack, type RulePack, roomInputSchema } from "../rules/index.js";
import { toRoomInput } from "./room-input.js";

const at = new Date("2026-11-23T17:00:00Z");
const ca = getRulePack("US-CA") as RulePack;
/** US-CA as if its text made a valid CPR card a condition of counting toward ratio. */
const cprPack: RulePack = { ...ca, staff: { ...ca.staff, credentialsToCount: ["cpr"] } };
const teacher: Staff = {
  id: "s1",
  centerId: "c1",
  externalId: "s1",
  firstName: "Ada",
  lastName: "Teach",
  birthDate: "1990-01-01",
  role: "lead_teacher",
  homeRoomId: "r1",
  credentials: [{ type: "cpr", issuedOn: null, expiresOn: "2026-01-01" }],
};
const room = {
  id: "r1",
  centerId: "c1",
  externalId: "r1",
  name: "Owls",
  ageGroup: "preschool" as const,
  capacity: 20,
  platformRatio: null,
};
const present = (kind: "child" | "staff", id: string) => ({
  centerId: "c1",
  subjectKind: kind,
  subjectId: id,
  present: true,
  presentAt: "2026-11-23T15:00:00.000Z",
  roomId: "r1",
  roomAt: "2026-11-23T15:00:00.000Z",
  onBreak: false,
  breakAt: null,
});

describe("live room → ratio input", () => {
  it("counts a child missing from the directory, at the strictest age", () => {
    const [state] = assembleRooms(
      [room],
      [present("child", "k_new"), present("staff", "s1")],
      new Map(),
      new Map([["s1", teacher]]),
    );
    expect(state?.children.map((c) => c.id)).toEqual(["k_new"]);
    const { input } = toRoomInput(
      state as RoomState,
      new Map([["s1", teacher]]),
      at,
      "2026-11-23",
      undefined,
      getRulePack("US-TX") as RulePack,
    );
    expect(input.children).toEqual([{ id: "k_new", ageMonths: 0 }]);
    const pack = getRulePack("US-TX");
    const e = pack && evaluateRoom(pack, roomInputSchema.parse(input), { at });
    expect(e?.ok && e.value.governingBand.id).toMatch(/infant/);
  });

  it("maps platform roles and passes only the credentials the pack requires to count", () => {
    const [state] = assembleRooms(
      [room],
      [present("staff", "s1")],
      new Map(),
      new Map([["s1", teacher]]),
    );
    const live = (pack: RulePack) =>
      toRoomInput(
        state as RoomState,
        new Map([["s1", teacher]]),
        at,
        "2026-11-23",
        undefined,
        pack,
      );
    const { input, nonCare } = live(cprPack);
    expect(input.staff).toEqual([
      expect.objectContaining({ id: "s1", role: "teacher", expiredCredentials: ["cpr"] }),
    ]);
    expect(nonCare).toEqual([]);
    // US-TX does not make CPR a condition of counting: nothing is passed as blocking.
    expect(live(getRulePack("US-TX") as RulePack).input.staff[0]?.expiredCredentials).toEqual([]);
  });

  it("gives the minutes since opening and until closing from the center's hours, none without them", () => {
    const [state] = assembleRooms(
      [room],
      [present("staff", "s1")],
      new Map(),
      new Map([["s1", teacher]]),
    );
    const build = (hours?: Parameters<typeof toRoomInput>[6]) =>
      toRoomInput(
        state as RoomState,
        new Map([["s1", teacher]]),
        at,
        "2026-11-23",
        undefined,
        ca,
        hours,
      ).input;
    // 17:00Z on Monday 2026-11-23 is 09:00 in Los Angeles.
    const day = { opensAt: "07:00", closesAt: "18:00" };
    expect(build({ weekly: { mon: day }, timeZone: "America/Los_Angeles" })).toMatchObject({
      minutesSinceOpening: 120,
      minutesUntilClosing: 540,
    });
    expect(
      build({ weekly: { tue: day }, timeZone: "America/Los_Angeles" }).minutesSinceOpening,
    ).toBeUndefined();
    expect(build().minutesUntilClosing).toBeUndefined();
  });

  describe("where the pack says a lapsed CPR stops a person counting", () => {
    const kids = Array.from({ length: 8 }, (_, i) => present("child", `k${i}`));
    const births = new Map(
      kids.map((k): [string, Child] => [
        k.subjectId,
        {
          id: k.subjectId,
          centerId: "c1",
          externalId: k.subjectId,
          firstName: "Kid",
          lastName: k.subjectId,
          birthDate: "2022-06-01",
          homeRoomId: "r1",
          familyId: null,
          authorizedPickups: [],
          schedule: [],
        },
      ]),
    );
    const evaluate = (person: Staff, localDate: string) => {
      const staffById = new Map([["s1", person]]);
      const [state] = assembleRooms([room], [...kids, present("staff", "s1")], births, staffById);
      const { input } = toRoomInput(
        state as RoomState,
        staffById,
        at,
        localDate,
        undefined,
        cprPack,
      );
      const e = evaluateRoom(cprPack, roomInputSchema.parse(input), { at, localDate });
      if (!e.ok) throw new Error(e.error.message);
      return e.value;
    };
    const valid: Staff = {
      ...teacher,
      credentials: [{ type: "cpr", issuedOn: "2025-01-01", expiresOn: "2026-11-23" }],
    };

    it("reads the room in ratio through the expiry date and out of ratio the day after", () => {
      expect(evaluate(valid, "2026-11-23")).toMatchObject({ compliant: true, countedStaff: 1 });
      const lapsed = evaluate(valid, "2026-11-24");
      expect(lapsed).toMatchObject({ compliant: false, countedStaff: 0 });
      expect(lapsed.notCounted).toEqual([
        expect.objectContaining({ id: "s1", reason: "expired cpr" }),
      ]);
    });

    it("counts a person whose lapsed card sits beside its renewal", () => {
      const renewed: Staff = {
        ...teacher,
        credentials: [
          ...teacher.credentials,
          { type: "cpr", issuedOn: "2026-11-20", expiresOn: "2028-11-19" },
        ],
      };
      expect(evaluate(renewed, "2026-11-23")).toMatchObject({ compliant: true, countedStaff: 1 });
    });

    it("does not count a person with no CPR on record at all", () => {
      expect(evaluate({ ...teacher, credentials: [] }, "2026-11-23").compliant).toBe(false);
    });
  });
});
