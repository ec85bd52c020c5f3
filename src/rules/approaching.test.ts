import { describe, expect, it } from "vitest";
import { evaluateAhead } from "./approaching.js";
import { type RoomInput, roomInputSchema } from "./evaluation.js";
import type { FutureEventInput } from "./forecast.js";
import { getRulePack } from "./packs/index.js";

const tx = getRulePack("US-TX")!;
// Monday 2026-11-23, 09:00 in Chicago (CST, UTC−6).
const now = new Date("2026-11-23T15:00:00Z");
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
/** Two-year-olds: Texas 1:11, group 22. */
const twos = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, ageMonths: 30 }));
const teacher = (id: string) => ({ id, ageYears: 30, role: "teacher" as const });
const breakAt = (staffId: string, minutes: number): FutureEventInput => ({
  type: "staff.break_starts",
  at: plus(minutes),
  staffId,
  note: "planned break 09:20–09:50",
});

function ahead(room: RoomInput, future: FutureEventInput[], at = now) {
  const result = evaluateAhead(tx, roomInputSchema.parse(room), future, {
    at,
    roomId: "r1",
    localDate: "2026-11-23",
    timeZone: "America/Chicago",
  });
  if (!result.ok) throw result.error;
  return result.value;
}

describe("evaluateAhead", () => {
  it("leaves a single-staffed room with room to spare ok, with a note and no forecast", () => {
    const { evaluation, recheckAt } = ahead({ children: twos(3), staff: [teacher("t1")] }, []);
    expect(evaluation).toMatchObject({
      status: "ok",
      canTake: 8,
      note: "1 staff — cover needed before a break",
      forecastBreach: null,
    });
    // Nothing known ahead: look again when the end of the 45 minutes looked at enters the horizon.
    expect(recheckAt).toBe(plus(30));
  });

  it("is approaching when a planned break breaches within 15 minutes, not at 16", () => {
    const room = { children: twos(12), staff: [teacher("t1"), teacher("t2")] };
    const at15 = ahead(room, [breakAt("t2", 15)]);
    expect(at15.evaluation).toMatchObject({
      status: "approaching",
      compliant: true,
      forecastBreach: {
        at: plus(15),
        cause: "a staff member goes on break (planned break 09:20–09:50)",
      },
    });
    expect(at15.evaluation.explanation.join("\n")).toContain(
      "Approaching: at 09:15 a staff member goes on break (planned break 09:20–09:50): short by 1",
    );
    // The break is inside the horizon: the status can next change when it passes.
    expect(at15.recheckAt).toBe(plus(15));

    const at16 = ahead(room, [breakAt("t2", 16)]);
    expect(at16.evaluation).toMatchObject({ status: "ok", forecastBreach: null });
    // It enters the horizon in one minute: that is when to look again.
    expect(at16.recheckAt).toBe(plus(1));
    // And one minute later it is approaching, replayed from the same inputs.
    const later = ahead(room, [breakAt("t2", 16)], new Date(at16.recheckAt));
    expect(later.evaluation.status).toBe("approaching");
  });

  it("is approaching when scheduled arrivals would push the room over", () => {
    const room = { children: twos(11), staff: [teacher("t1"), teacher("t2")] };
    const arrivals: FutureEventInput[] = Array.from({ length: 12 }, (_, i) => ({
      type: "child.arrives",
      at: plus(10),
      childId: `n${i}`,
      roomId: "r1",
      child: { ageMonths: 30 },
      note: "scheduled arrival 09:10",
    }));
    const { evaluation } = ahead(room, arrivals);
    expect(evaluation.status).toBe("approaching");
    expect(evaluation.forecastBreach?.cause).toBe("a child arrives (scheduled arrival 09:10)");
  });

  it("keeps a full room approaching whatever the forecast says", () => {
    const { evaluation } = ahead({ children: twos(11), staff: [teacher("t1")] }, []);
    expect(evaluation).toMatchObject({ status: "approaching", canTake: 0, forecastBreach: null });
  });

  it("says when an open violation turns critical", () => {
    const room = {
      children: twos(12),
      staff: [teacher("t1")],
      violationSince: plus(-2),
    };
    const { evaluation, recheckAt } = ahead(room, []);
    expect(evaluation.status).toBe("violation");
    expect(recheckAt).toBe(plus(3));
    expect(ahead(room, [], new Date(recheckAt)).evaluation.status).toBe("critical");
  });

  it("looks again at the next local midnight, when ages move on", () => {
    // 23:50 in Chicago: the next local date starts in 10 minutes.
    const late = new Date("2026-11-24T05:50:00Z");
    const result = evaluateAhead(
      tx,
      roomInputSchema.parse({ children: twos(3), staff: [teacher("t1")] }),
      [],
      { at: late, roomId: "r1", localDate: "2026-11-23", timeZone: "America/Chicago" },
    );
    if (!result.ok) throw result.error;
    expect(result.value.recheckAt).toBe("2026-11-24T06:00:00.000Z");
  });
});
