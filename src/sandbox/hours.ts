/**
 * @module sandbox/hours
 * The simulated centers' opening hours: each center's own opening and closing time, Monday to
 * Friday, closed at the weekend (the day script runs weekdays' hours inside 06:00–18:45).
 */
import type { WeeklyHours } from "../domain/hours.js";
import type { SandboxWorld } from "./world.js";

export function sandboxCenterHours(world: SandboxWorld): [string, WeeklyHours][] {
  return world.centers.map((c) => {
    const day = { opensAt: c.opensAt, closesAt: c.closesAt };
    return [c.id, { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null }];
  });
}
