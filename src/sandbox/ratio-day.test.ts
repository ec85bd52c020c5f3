/**
 * A sandbox day played through the real ratio core, the way the live monitor sees it: after every
 * event, each room of the center is turned into a room input (birth dates and roles from the world,
 * lapsed credentials, a director in a room engaged in care; cooks and admins give no care) and
 * evaluated with the center's rule pack. Rooms may be out of ratio only in the two stretches the
 * script means (`call_out_violation`, `uncovered_break`), each of which must really happen.
 */

import { describe, expect, it } from "vitest";
import { careRole } from "../compliance/room-input.js";
import { instantToZoned } from "../domain/time.js";
import {
  type Evaluation,
  evaluateRoom,
  getRulePack,
  type RoomInput,
  roomInputSchema,
} from "../rules/index.js";
import type { ScenarioMarker } from "./events.js";
import { createSandbox } from "./sandbox.js";
import { createTruth } from "./truth.js";
import { worldIndex } from "./world.js";

const DATE = "2026-11-23"; // a Monday

interface Stretch {
  centerId: string;
  roomId: string;
  from: string;
  /** null: still out of ratio when the day ends. */
  to: string | null;
  reasons: string[];
}

function playDay(seed: number, centers: number) {
  const sb = createSandbox({ seed, centers, date: DATE });
  const { world, plan } = sb;
  const index = worldIndex(world);
  const truth = createTruth(world.centers.map((c) => c.id));
  const open = new Map<string, Stretch>();
  const stretches: Stretch[] = [];
  const statuses: Record<Evaluation["status"], number> = {
    ok: 0,
    approaching: 0,
    violation: 0,
    critical: 0,
  };
  const minorAlone: string[] = [];
  let evaluations = 0;

  for (const event of plan.events) {
    truth.apply(event);
    const center = index.centers.get(event.centerId)!;
    const pack = getRulePack(center.jurisdiction)!;
    const at = new Date(event.at);
    const localDate = instantToZoned(at, center.timeZone).date;
    const children = truth.children(center.id);
    const staff = truth.staff(center.id);
    for (const room of center.rooms) {
      const here = staff.filter((s) => s.roomId === room.id);
      const input: RoomInput = {
        at: event.at,
        children: children
          .filter((c) => c.roomId === room.id)
          .map((c) => ({ id: c.childId, birthDate: index.children.get(c.childId)!.birthDate })),
        staff: here.flatMap((s) => {
          const person = index.staff.get(s.staffId)!;
          const role = careRole[person.role];
          if (role === null) return [];
          return [
            {
              id: person.id,
              birthDate: person.birthDate,
              role,
              onBreak: s.onBreak,
              engagedInCare: role === "director" ? true : undefined,
              expiredCredentials: person.credentials
                .filter((c) => c.expiresOn !== null && c.expiresOn < localDate)
                .map((c) => c.type),
            },
          ];
        }),
      };
      const result = evaluateRoom(pack, roomInputSchema.parse(input), { at, localDate });
      if (!result.ok) throw new Error(result.error.message);
      const evaluation = result.value;
      evaluations++;
      if (evaluation.children > 0) statuses[evaluation.status]++;
      const key = `${center.id}/${room.id}`;
      const stretch = open.get(key);
      if (!evaluation.compliant && !stretch) {
        open.set(key, {
          centerId: center.id,
          roomId: room.id,
          from: event.at,
          to: null,
          reasons: [...evaluation.reasons],
        });
      } else if (!evaluation.compliant && stretch) {
        for (const r of evaluation.reasons)
          if (!stretch.reasons.includes(r)) stretch.reasons.push(r);
      } else if (evaluation.compliant && stretch) {
        stretch.to = event.at;
        stretches.push(stretch);
        open.delete(key);
      }
      // The 17-year-old never counts, and is never the only adult in a room.
      const working = here.filter((s) => !s.onBreak);
      const minors = working.filter(
        (s) =>
          Date.parse(index.staff.get(s.staffId)!.birthDate) >
          Date.parse(`${Number(localDate.slice(0, 4)) - 18}${localDate.slice(4)}`),
      );
      if (minors.length > 0) {
        expect(evaluation.counted.map((c) => c.id)).not.toContain(minors[0]!.staffId);
        if (working.length === minors.length) minorAlone.push(`${key} at ${event.at}`);
      }
    }
  }
  return {
    sb,
    stretches: [...stretches, ...open.values()],
    markers: plan.scenarios.filter(
      (s) => s.kind === "call_out_violation" || s.kind === "uncovered_break",
    ),
    statuses,
    evaluations,
    minorAlone,
  };
}

type Day = ReturnType<typeof playDay>;

const inWindow = (s: Stretch, m: ScenarioMarker) =>
  s.centerId === m.centerId &&
  s.roomId === m.roomId &&
  s.from >= m.at &&
  s.to !== null &&
  s.to <= (m.endsAt as string);

/** Every stretch out of ratio is an intended one, and every intended one happens. */
function expectOnlyIntended(day: Day) {
  const unexpected = day.stretches.filter((s) => !day.markers.some((m) => inWindow(s, m)));
  expect(unexpected).toEqual([]);
  for (const center of day.sb.world.centers) {
    const kinds = day.markers.filter((m) => m.centerId === center.id).map((m) => m.kind);
    expect(kinds.sort(), center.id).toEqual(["call_out_violation", "uncovered_break"]);
  }
  for (const m of day.markers) {
    const own = day.stretches.filter((s) => inWindow(s, m));
    expect(own.length, `${m.kind} ${m.centerId}`).toBeGreaterThan(0);
    expect(own[0]!.from).toBe(m.at);
    expect(own.at(-1)!.to).toBe(m.endsAt);
  }
  // Short by one at most, never children left without a counted adult.
  for (const s of day.stretches) {
    expect(s.reasons.join("; ")).not.toMatch(/children with no counted staff|short by [2-9]/);
  }
  expect(day.minorAlone).toEqual([]);
  // Nobody left out of ratio at the end of the day.
  expect(day.stretches.filter((s) => s.to === null)).toEqual([]);
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

describe("a sandbox day through the ratio core", () => {
  const day = playDay(42, 2);

  it("is out of ratio only in the call-out and the uncovered break, and both happen", () => {
    expectOnlyIntended(day);
  });

  it("the call-out: short from the missed shift until the director moves the floater in", () => {
    const { plan, world } = day.sb;
    const index = worldIndex(world);
    for (const center of world.centers) {
      const callOut = plan.scenarios.find(
        (s) => s.centerId === center.id && s.kind === "call_out",
      )!;
      const marker = day.markers.find(
        (m) => m.centerId === center.id && m.kind === "call_out_violation",
      )!;
      expect(marker.subjectId).toBe(callOut.subjectId);
      expect(marker.roomId).toBe(index.staff.get(callOut.subjectId)!.duty.roomId);
      expect(marker.at >= callOut.at).toBe(true);
      expect(minutes(marker.at, marker.endsAt!)).toBeGreaterThanOrEqual(1);
      expect(minutes(marker.at, marker.endsAt!)).toBeLessThanOrEqual(45);
      const resolving = plan.events.find(
        (e) =>
          e.centerId === center.id &&
          e.at === marker.endsAt &&
          e.kind === "staff.assigned" &&
          e.roomId === marker.roomId,
      );
      const mover = resolving?.kind === "staff.assigned" ? resolving.staffId : "";
      expect(index.staff.get(mover)?.role).toBe("floater");
    }
  });

  it("the uncovered break: out of ratio from the break's start to its end", () => {
    const { plan } = day.sb;
    for (const marker of day.markers.filter((m) => m.kind === "uncovered_break")) {
      const theirs = plan.events.filter(
        (e) => e.centerId === marker.centerId && "staffId" in e && e.staffId === marker.subjectId,
      );
      expect(theirs.find((e) => e.at === marker.at)?.kind).toBe("staff.break_started");
      expect(theirs.find((e) => e.at === marker.endsAt)?.kind).toBe("staff.break_ended");
      expect(minutes(marker.at, marker.endsAt!)).toBeGreaterThanOrEqual(10);
      expect(minutes(marker.at, marker.endsAt!)).toBeLessThanOrEqual(40);
      const stretch = day.stretches.find((s) => s.roomId === marker.roomId && s.from === marker.at);
      expect(stretch?.reasons.join("; ")).toMatch(/short by 1 counted staff/);
    }
  });

  it("keeps rooms staffed to ratio: mostly with room to spare, sometimes full, rarely out", () => {
    // `approaching` is a full room (the next check-in would breach); a room that merely cannot
    // lose a staff member is ok.
    const occupied = Object.values(day.statuses).reduce((a, b) => a + b, 0);
    expect(day.statuses.ok / occupied).toBeGreaterThan(0.9);
    expect(day.statuses.approaching).toBeGreaterThan(0);
    expect(day.statuses.approaching / occupied).toBeLessThan(0.05);
    expect((day.statuses.violation + day.statuses.critical) / occupied).toBeLessThan(0.03);
  });

  it("holds for other seeds too", () => {
    for (const seed of [1, 2, 3, 4, 5]) expectOnlyIntended(playDay(seed, 2));
  });

  it("holds in every state the world has a center in", () => {
    const all = playDay(42, 7);
    expect(new Set(all.sb.world.centers.map((c) => c.jurisdiction)).size).toBe(7);
    expectOnlyIntended(all);
  });
});
