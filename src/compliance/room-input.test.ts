import { describe, expect, it } from "vitest";
import type { RoomState, Staff } from "../domain/index.js";
import { assembleRooms } from "../live/room-state.js";
import { evaluateRoom, getRulePack, roomInputSchema } from "../rules/index.js";
import { toRoomInput } from "./room-input.js";

const at = new Date("2026-11-23T17:00:00Z");
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
    );
    expect(input.children).toEqual([{ id: "k_new", ageMonths: 0 }]);
    const pack = getRulePack("US-TX");
    const e = pack && evaluateRoom(pack, roomInputSchema.parse(input), { at });
    expect(e?.ok && e.value.governingBand.id).toMatch(/infant/);
  });

  it("passes expired credentials and maps platform roles", () => {
    const [state] = assembleRooms(
      [room],
      [present("staff", "s1")],
      new Map(),
      new Map([["s1", teacher]]),
    );
    const { input, nonCare } = toRoomInput(
      state as RoomState,
      new Map([["s1", teacher]]),
      at,
      "2026-11-23",
      undefined,
    );
    expect(input.staff).toEqual([
      expect.objectContaining({ id: "s1", role: "teacher", expiredCredentials: ["cpr"] }),
    ]);
    expect(nonCare).toEqual([]);
  });
});
