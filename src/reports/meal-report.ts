/**
 * @module reports/meal-report
 * Meal participation counts for food-program claims: per day and meal service, how many children
 * had a meal recorded in a daily log a person approved. Only approved logs count (a pending draft
 * is not a record); `written` counts those the platform has confirmed. A child counts once per
 * service and day however many entries name it; an entry of "ate none" still counts, because the
 * meal was served.
 *
 * The service comes from the entry's words (breakfast, lunch, dinner or supper, snack) and
 * otherwise from its local time.
 */
import { z } from "zod";
import { dailyLogCall } from "../approvals/platform-call.js";
import type { Center, Child, Room } from "../domain/index.js";
import { addDays, instantToZoned } from "../domain/time.js";
import type { Store } from "../storage/db.js";
import { getCenter, listChildren, listRooms } from "../storage/directory.js";
import { type ApprovalRow, approvedStructuredLogs } from "../storage/reports.js";
import type { ReportRange } from "./ratio-report.js";

export const mealServices = ["breakfast", "am_snack", "lunch", "pm_snack", "supper"] as const;
export const mealServiceSchema = z.enum(mealServices);
export type MealService = z.infer<typeof mealServiceSchema>;

export const mealServiceLabel: Record<MealService, string> = {
  breakfast: "Breakfast",
  am_snack: "AM snack",
  lunch: "Lunch",
  pm_snack: "PM snack",
  supper: "Supper",
};

/** `HH:MM` local → service, for entries whose words do not name one. */
export function serviceOf(detail: string, localTime: string): MealService {
  const words = detail.toLowerCase();
  if (/\bbreakfast\b/.test(words)) return "breakfast";
  if (/\blunch\b/.test(words)) return "lunch";
  if (/\b(dinner|supper)\b/.test(words)) return "supper";
  if (/\bsnack\b/.test(words)) return localTime < "12:00" ? "am_snack" : "pm_snack";
  if (localTime < "09:30") return "breakfast";
  if (localTime < "11:00") return "am_snack";
  if (localTime < "13:30") return "lunch";
  if (localTime < "17:00") return "pm_snack";
  return "supper";
}

const countsSchema = z.object(
  Object.fromEntries(mealServices.map((s) => [s, z.number().int()])) as Record<
    MealService,
    z.ZodNumber
  >,
);

export const mealReportSchema = z
  .object({
    center: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
    range: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
    days: z.array(z.object({ date: z.string(), counts: countsSchema, written: countsSchema })),
    rooms: z.array(
      z.object({ roomId: z.string().nullable(), roomName: z.string(), counts: countsSchema }),
    ),
    meals: z
      .array(
        z.object({
          date: z.string(),
          service: mealServiceSchema,
          childId: z.string(),
          childName: z.string(),
          roomName: z.string(),
          time: z.string().describe("Local HH:MM of the first entry"),
          detail: z.string(),
          approvalId: z.number().int(),
          written: z.boolean().describe("The platform confirmed the daily log"),
        }),
      )
      .describe("Every counted meal, the records behind the counts"),
    totals: countsSchema,
  })
  .meta({ id: "MealReport" });
export type MealReport = z.infer<typeof mealReportSchema>;

export interface MealReportRows {
  center: Center;
  children: Child[];
  rooms: Room[];
  logs: ApprovalRow[];
}

const zero = () =>
  Object.fromEntries(mealServices.map((s) => [s, 0])) as Record<MealService, number>;

/** Pure: the counts from approved logs. */
export function buildMealReport(
  rows: MealReportRows,
  range: ReportRange,
  generatedAt: Date,
): MealReport {
  const { center } = rows;
  const children = new Map(rows.children.map((c) => [c.id, c]));
  const roomName = new Map(rows.rooms.map((r) => [r.id, r.name]));
  const meals = new Map<string, MealReport["meals"][number]>();
  for (const log of rows.logs) {
    const call = dailyLogCall.safeParse(log.platformCall);
    if (!call.success) continue;
    for (const entry of call.data.entries) {
      if (entry.type !== "meal") continue;
      const at = instantToZoned(new Date(entry.start), center.timeZone);
      if (at.date < range.from || at.date > range.to) continue;
      const service = serviceOf(entry.detail, at.time);
      const key = `${at.date}|${service}|${call.data.childId}`;
      if (meals.has(key)) continue;
      const child = children.get(call.data.childId);
      meals.set(key, {
        date: at.date,
        service,
        childId: call.data.childId,
        childName: child ? `${child.firstName} ${child.lastName}` : call.data.childId,
        roomName: (child?.homeRoomId && roomName.get(child.homeRoomId)) || "no home room",
        time: at.time.slice(0, 5),
        detail: entry.detail,
        approvalId: log.id,
        written: log.state === "executed",
      });
    }
  }
  const list = [...meals.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      mealServices.indexOf(a.service) - mealServices.indexOf(b.service) ||
      a.childName.localeCompare(b.childName),
  );
  const days: MealReport["days"] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    const counts = zero();
    const written = zero();
    for (const m of list.filter((x) => x.date === d)) {
      counts[m.service]++;
      if (m.written) written[m.service]++;
    }
    days.push({ date: d, counts, written });
  }
  const byRoom = new Map<string, Record<MealService, number>>();
  for (const m of list) {
    const counts = byRoom.get(m.roomName) ?? zero();
    counts[m.service]++;
    byRoom.set(m.roomName, counts);
  }
  const totals = zero();
  for (const m of list) totals[m.service]++;
  return {
    center: { id: center.id, name: center.name, timeZone: center.timeZone },
    range,
    generatedAt: generatedAt.toISOString(),
    days,
    rooms: [...byRoom].map(([name, counts]) => ({
      roomId: rows.rooms.find((r) => r.name === name)?.id ?? null,
      roomName: name,
      counts,
    })),
    meals: list,
    totals,
  };
}

export function loadMealReportRows(db: Store, centerId: string): MealReportRows | undefined {
  const center = getCenter(db, centerId);
  if (!center) return undefined;
  return {
    center,
    children: listChildren(db, centerId),
    rooms: listRooms(db, centerId),
    logs: approvedStructuredLogs(db, centerId),
  };
}
