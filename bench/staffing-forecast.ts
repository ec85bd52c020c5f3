/**
 * The staffing plan's forecast error on the sandbox's generated history: eight weeks of open days
 * per room, the last four weeks each forecast from the days before them only (`backtestForecast`).
 * Then times the staffing plan of a room's week from four weeks of stored history (`staffing-plan.ts`).
 * Run: `npx tsx bench/staffing-forecast.ts [seed] [weeks]`.
 */
import { staff } from "../src/rules/index.js";
import { plannedChildren, sandboxHistory } from "../src/staff/history.js";
import { benchStaffingPlan } from "./staffing-plan.js";

const seed = Number(process.argv[2] ?? 42);
const weeks = Number(process.argv[3] ?? 8);
const rooms = sandboxHistory({ seed, date: "2026-09-07", days: weeks * 5 });
const all: { mae: number; bias: number; slots: number }[] = [];
for (const r of rooms) {
  const result = staff.backtestForecast(
    {
      opensAt: r.center.opensAt,
      closesAt: r.center.closesAt,
      children: plannedChildren(r.center, r.roomId),
      history: r.history,
    },
    4,
  );
  if (!result.ok) throw result.error;
  const e = result.value;
  const enrolled = plannedChildren(r.center, r.roomId).length;
  all.push(e);
  console.log(
    `${r.center.id} ${r.roomId.padEnd(12)} enrolled ${String(enrolled).padStart(2)}  MAE ${e.mae.toFixed(2)}  bias ${e.bias.toFixed(2)}  max ${e.maxAbsError.toFixed(2)}  slots ${e.slots}`,
  );
}
const slots = all.reduce((s, e) => s + e.slots, 0);
const mae = all.reduce((s, e) => s + e.mae * e.slots, 0) / slots;
const bias = all.reduce((s, e) => s + e.bias * e.slots, 0) / slots;
console.log(
  `overall (seed ${seed}, ${weeks} weeks, last 4 backtested): MAE ${mae.toFixed(2)} children per 15-min slot, bias ${bias.toFixed(2)}, ${slots} slots`,
);

const plan = benchStaffingPlan(5);
console.log(
  `staffing plan, one room's week from 4 weeks of stored history (${plan.events} events, 64 children): median ${plan.medianMs.toFixed(0)} ms per plan, ${plan.medianCpuMs.toFixed(0)} ms CPU (${plan.ms.map((m) => m.toFixed(0)).join(", ")} ms)`,
);
