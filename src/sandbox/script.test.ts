import { describe, expect, it } from "vitest";
import { instantToZoned } from "../domain/time.js";
import type { SandboxEvent } from "./events.js";
import { shiftsOn } from "./schedule.js";
import { planDay } from "./script.js";
import { createTruth } from "./truth.js";
import { authorizedPickups, createWorld, type SimCenter, worldIndex } from "./world.js";

const DATE = "2026-11-23"; // a Monday
const world = createWorld({ seed: 42, centers: 3, referenceDate: DATE });
const plan = planDay(world, DATE);
const index = worldIndex(world);

const local = (center: SimCenter, at: string) => instantToZoned(new Date(at), center.timeZone);
const eventsOf = (centerId: string) => plan.events.filter((e) => e.centerId === centerId);
const roomOf = (center: SimCenter, ageGroup: string) =>
  center.rooms.find((r) => r.ageGroup === ageGroup)!;

describe("planDay", () => {
  it("orders events by time and numbers them per center", () => {
    const times = plan.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const center of world.centers) {
      expect(eventsOf(center.id).map((e) => e.seq)).toEqual(eventsOf(center.id).map((_, i) => i));
    }
    expect(new Set(plan.events.map((e) => e.id)).size).toBe(plan.events.length);
  });

  it("is consistent: replaying it never checks out an absent child or breaks an absent teacher", () => {
    const truth = createTruth(world.centers.map((c) => c.id));
    expect(() => {
      for (const e of plan.events) truth.apply(e);
    }).not.toThrow();
    for (const c of world.centers) {
      expect(truth.children(c.id)).toEqual([]);
      expect(truth.staff(c.id)).toEqual([]);
    }
  });

  it("keeps every event inside 06:00–18:45 local, with arrivals in waves 07:00–09:30", () => {
    for (const center of world.centers) {
      const events = eventsOf(center.id);
      expect(events.length).toBeGreaterThan(150);
      for (const e of events) {
        const { date, time } = local(center, e.at);
        expect(date).toBe(DATE);
        expect(time >= "06:00" && time <= "18:45").toBe(true);
      }
      const firstArrivals = new Map<string, string>();
      for (const e of events) {
        if (e.kind === "child.checked_in" && !firstArrivals.has(e.childId)) {
          firstArrivals.set(e.childId, local(center, e.at).time);
        }
      }
      const times = [...firstArrivals.values()];
      expect(times.every((t) => t >= "07:00" && t <= "09:30")).toBe(true);
      // Waves, not a single burst: some before 07:45, some after 08:30.
      expect(times.some((t) => t < "07:45")).toBe(true);
      expect(times.some((t) => t > "08:30")).toBe(true);
      // Most scheduled children come (a few are off sick).
      expect(firstArrivals.size).toBeGreaterThan(40);
    }
  });

  it("has every scenario once per center", () => {
    for (const center of world.centers) {
      const kinds = plan.scenarios.filter((s) => s.centerId === center.id).map((s) => s.kind);
      expect(kinds.sort()).toEqual([
        "call_out",
        "call_out_violation",
        "incident",
        "late_pickup",
        "unauthorized_pickup",
        "uncovered_break",
      ]);
    }
  });

  it("call-out: a scheduled staff member never clocks in, and the director sends a floater in", () => {
    for (const center of world.centers) {
      const marker = plan.scenarios.find((s) => s.centerId === center.id && s.kind === "call_out")!;
      expect(shiftsOn(center, DATE).map((s) => s.staffId)).toContain(marker.subjectId);
      const theirs = eventsOf(center.id).filter(
        (e) => "staffId" in e && e.staffId === marker.subjectId,
      );
      expect(theirs).toEqual([]);
      const absent = index.staff.get(marker.subjectId)!;
      // The room falls out of ratio after the missed start, until the floater arrives.
      const short = plan.scenarios.find(
        (s) => s.centerId === center.id && s.kind === "call_out_violation",
      )!;
      expect(short).toMatchObject({ subjectId: absent.id, roomId: absent.duty.roomId });
      expect(short.at >= marker.at && short.at < short.endsAt!).toBe(true);
      const sent = eventsOf(center.id).find(
        (e) =>
          e.kind === "staff.assigned" && e.roomId === absent.duty.roomId && e.at === short.endsAt,
      );
      expect(sent?.kind === "staff.assigned" && index.staff.get(sent.staffId)?.role).toBe(
        "floater",
      );
    }
  });

  it("late pick-up: the child leaves after the 18:00 close, with a teacher still there", () => {
    for (const center of world.centers) {
      const marker = plan.scenarios.find(
        (s) => s.centerId === center.id && s.kind === "late_pickup",
      )!;
      expect(local(center, marker.at).time >= center.closesAt).toBe(true);
      const events = eventsOf(center.id);
      const out = events.find(
        (e) => e.kind === "child.checked_out" && e.childId === marker.subjectId,
      )!;
      expect(out.at).toBe(marker.at);
      // Replay to the moment before: someone is clocked into that room.
      const truth = createTruth([center.id]);
      for (const e of events) {
        if (e === out) break;
        truth.apply(e);
      }
      const roomId = index.children.get(marker.subjectId)!.homeRoomId;
      expect(truth.staff(center.id).some((s) => s.roomId === roomId)).toBe(true);
    }
  });

  it("unauthorized pick-up: an unlisted person tries, then a guardian collects the child", () => {
    for (const center of world.centers) {
      const marker = plan.scenarios.find(
        (s) => s.centerId === center.id && s.kind === "unauthorized_pickup",
      )!;
      const child = index.children.get(marker.subjectId)!;
      const events = eventsOf(center.id);
      const attempt = events.find(
        (e): e is Extract<SandboxEvent, { kind: "child.pickup_attempted" }> =>
          e.kind === "child.pickup_attempted" && e.childId === child.id,
      )!;
      const allowed = authorizedPickups(world, child).map((p) => p.name);
      expect(allowed).not.toContain(attempt.personName);
      const out = events.find(
        (e): e is Extract<SandboxEvent, { kind: "child.checked_out" }> =>
          e.kind === "child.checked_out" && e.childId === child.id,
      )!;
      expect(Date.parse(out.at)).toBeGreaterThan(Date.parse(attempt.at));
      const guardians = index.families.get(child.familyId)!.guardians.map((g) => g.name);
      expect(guardians).toContain(out.pickedUpBy);
    }
  });

  it("incident: a fall in the toddler room around 10:40, reported by staff there", () => {
    for (const center of world.centers) {
      const marker = plan.scenarios.find((s) => s.centerId === center.id && s.kind === "incident")!;
      const incident = eventsOf(center.id).find((e) => e.kind === "incident.reported")!;
      if (incident.kind !== "incident.reported") throw new Error("unreachable");
      expect(incident.incidentId).toBe(marker.subjectId);
      expect(incident.roomId).toBe(roomOf(center, "toddler").id);
      expect(incident.childIds).toHaveLength(1);
      expect(incident.staffId).not.toBeNull();
      expect(incident.description.length).toBeGreaterThan(20);
      const { time } = local(center, incident.at);
      expect(time >= "10:35" && time <= "10:45").toBe(true);
    }
  });

  it("sends the school-age group to school by bus and back, and toddlers to visit the twos", () => {
    for (const center of world.centers) {
      const events = eventsOf(center.id);
      const bus = events.filter(
        (e) => e.kind === "child.checked_out" && e.relationship === "school bus",
      );
      expect(bus.length).toBeGreaterThan(5);
      for (const e of bus) expect(local(center, e.at).time).toMatch(/^08:1[5-7]$/);
      // Toddlers visit when the twos room has the space and the staff: out and back, by pairs.
      const moves = events.filter(
        (e): e is Extract<SandboxEvent, { kind: "child.moved" }> => e.kind === "child.moved",
      );
      expect([0, 2, 4]).toContain(moves.length);
      const toddlers = roomOf(center, "toddler").id;
      const twosRoom = roomOf(center, "twos").id;
      for (const out of moves.filter((m) => m.fromRoomId === toddlers)) {
        expect(out.toRoomId).toBe(twosRoom);
        const back = moves.find((m) => m.childId === out.childId && m.fromRoomId === twosRoom);
        expect(back && Date.parse(back.at) > Date.parse(out.at)).toBe(true);
      }
    }
    // Texas's twos room (1:11, group 22) always has room for them.
    const tx = world.centers.find((c) => c.jurisdiction === "US-TX")!;
    expect(eventsOf(tx.id).filter((e) => e.kind === "child.moved")).toHaveLength(4);
  });

  it("staggers breaks through the middle of the day, and floaters step in where rooms need them", () => {
    for (const center of world.centers) {
      const events = eventsOf(center.id);
      const breaks = events.filter((e) => e.kind === "staff.break_started");
      const midday = breaks.filter((e) => {
        const t = local(center, e.at).time;
        return t >= "09:55" && t < "15:05";
      });
      expect(midday.length / breaks.length).toBeGreaterThan(0.8);
      // Planned moves are the school-age staff's; any other is someone stepping in, a floater first.
      const planned = new Set(
        center.staff.flatMap((s) => s.duty.moves.map((m) => `${s.id}>${m.roomId}`)),
      );
      const stepIns = events.filter(
        (e) => e.kind === "staff.assigned" && !planned.has(`${e.staffId}>${e.roomId}`),
      );
      expect(stepIns.length).toBeGreaterThan(0);
      expect(
        stepIns.filter(
          (e) => e.kind === "staff.assigned" && index.staff.get(e.staffId)?.role === "floater",
        ).length,
      ).toBeGreaterThan(0);
    }
  });

  it("plans nothing on a closed day and differently on another weekday", () => {
    const saturday = planDay(world, "2026-11-28");
    expect(saturday.events).toEqual([]);
    expect(saturday.scenarios).toEqual([]);
    const tuesday = planDay(world, "2026-11-24");
    expect(tuesday.events.length).toBeGreaterThan(0);
    expect(tuesday.events.map((e) => e.kind)).not.toEqual(plan.events.map((e) => e.kind));
  });

  it("keeps local times right on the day after a DST change", () => {
    const monday = "2026-11-02"; // the first Monday on standard time
    const dstPlan = planDay(world, monday);
    const la = world.centers[0]!;
    const first = dstPlan.events.find((e) => e.centerId === la.id)!;
    expect(local(la, first.at)).toMatchObject({ date: monday });
    expect(local(la, first.at).time >= "06:20").toBe(true);
    // 06:00 EST in New York, the earliest of the three centers (it was 10:00Z a week before).
    expect(dstPlan.startsAt).toBe("2026-11-02T11:00:00Z");
  });
});
