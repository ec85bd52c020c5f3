import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../domain/index.js";
import { currentRoom, emptyPresence, type Presence, project } from "./project.js";

const c = "center_1";
const t = (hhmm: string) => `2026-11-23T${hhmm}:00.000Z`;

function run(events: DomainEvent[], kind: "child" | "staff", id: string): Presence {
  return events.reduce((p, e) => project(p, e).next, emptyPresence(c, kind, id));
}

function permutations<T>(list: T[]): T[][] {
  if (list.length <= 1) return [list];
  return list.flatMap((x, i) =>
    permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

const childDay: DomainEvent[] = [
  {
    type: "child.checked_in",
    centerId: c,
    occurredAt: t("08:00"),
    childId: "k1",
    roomId: "toddlers",
  },
  { type: "child.moved", centerId: c, occurredAt: t("10:00"), childId: "k1", toRoomId: "twos" },
  { type: "child.moved", centerId: c, occurredAt: t("11:00"), childId: "k1", toRoomId: "toddlers" },
];

const staffDay: DomainEvent[] = [
  {
    type: "staff.clocked_in",
    centerId: c,
    occurredAt: t("07:00"),
    staffId: "s1",
    roomId: "infants",
  },
  { type: "staff.assigned", centerId: c, occurredAt: t("09:00"), staffId: "s1", roomId: "twos" },
  { type: "staff.break_started", centerId: c, occurredAt: t("12:30"), staffId: "s1" },
  { type: "staff.break_ended", centerId: c, occurredAt: t("13:00"), staffId: "s1" },
];

describe("presence projection", () => {
  it("follows a child through a day in order", () => {
    const p = run(childDay, "child", "k1");
    expect(currentRoom(p)).toBe("toddlers");
    const out = run(
      [
        ...childDay,
        {
          type: "child.checked_out",
          centerId: c,
          occurredAt: t("16:00"),
          childId: "k1",
          pickedUpBy: "A",
        },
      ],
      "child",
      "k1",
    );
    expect(currentRoom(out)).toBeNull();
  });

  it("reaches the same state for every delivery order (child)", () => {
    const withOut: DomainEvent[] = [
      ...childDay,
      {
        type: "child.checked_out",
        centerId: c,
        occurredAt: t("16:00"),
        childId: "k1",
        pickedUpBy: null,
      },
    ];
    const expected = run(withOut, "child", "k1");
    for (const order of permutations(withOut)) expect(run(order, "child", "k1")).toEqual(expected);
  });

  it("reaches the same state for every delivery order (staff), break included", () => {
    const expected = run(staffDay, "staff", "s1");
    expect(expected).toMatchObject({ present: true, roomId: "twos", onBreak: false });
    for (const order of permutations(staffDay)) expect(run(order, "staff", "s1")).toEqual(expected);
  });

  it("an older event arriving late never overwrites newer state", () => {
    const late = run([childDay[2]!, childDay[1]!], "child", "k1");
    expect(late.roomId).toBe("toddlers");
    expect(project(late, childDay[1]!).applied).toBe(false);
  });

  it("a move arriving before the check-in still lands the child in the later room", () => {
    const p = run([childDay[1]!, childDay[0]!], "child", "k1");
    expect(currentRoom(p)).toBe("twos");
  });

  it("clock-out clears room and break; a late break_end cannot revive the person", () => {
    const p = run(
      [
        ...staffDay.slice(0, 3),
        { type: "staff.clocked_out", centerId: c, occurredAt: t("15:00"), staffId: "s1" },
        staffDay[3]!,
      ],
      "staff",
      "s1",
    );
    expect(p).toMatchObject({ present: false, roomId: null, onBreak: false });
  });

  it("replaying the same event changes nothing", () => {
    const once = run(childDay, "child", "k1");
    const again = project(once, childDay[2]!);
    expect(again.next).toEqual(once);
  });
});
