/**
 * @module web/timeline-page
 * A room's ratio timeline for one local day: a server-rendered SVG (status bands, children and
 * staff as steps, hours on the center's own clock), the same facts as text for screen readers,
 * and the day's violation records with the rule they broke.
 */
import type { Hono } from "hono";
import type { Center } from "../domain/index.js";
import { addDays, instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";
import type { AppContext, AppEnv } from "../http/context.js";
import type { JobOutput } from "../offload/index.js";
import type { Evaluation, RatioStatus } from "../rules/evaluation.js";
import { listRooms } from "../storage/directory.js";
import type { HistoryRow } from "../storage/ratio.js";
import { frameFor, notFound } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";
import { type Band, type CountStep, countSteps, durationText, timelineBands } from "./timeline.js";

export const statusColours: Record<RatioStatus, string> = {
  ok: "#3fa663",
  approaching: "#e0a800",
  violation: "#d9534f",
  critical: "#7a1410",
};

const W = 960;
const LEFT = 44;
const RIGHT = 12;
const BAND_TOP = 12;
const BAND_H = 36;
const PLOT_TOP = 72;
const PLOT_BOTTOM = 262;
const H = 296;

interface ChartInput {
  title: string;
  timeZone: string;
  /** The drawn window (whole local hours). */
  from: number;
  to: number;
  bands: Band[];
  steps: CountStep[];
}

function StepLine({
  steps,
  series,
  x,
  y,
  end,
  colour,
  dash,
}: {
  steps: CountStep[];
  series: "children" | "countedStaff" | "requiredStaff";
  x: (t: number) => number;
  y: (v: number) => number;
  end: number;
  colour: string;
  dash?: string;
}) {
  if (steps.length === 0) return null;
  const first = steps[0]!;
  let d = `M${x(Date.parse(first.at)).toFixed(1)} ${y(first[series]).toFixed(1)}`;
  for (const step of steps.slice(1)) {
    d += ` H${x(Date.parse(step.at)).toFixed(1)} V${y(step[series]).toFixed(1)}`;
  }
  d += ` H${x(end).toFixed(1)}`;
  return (
    <path
      d={d}
      fill="none"
      stroke={colour}
      stroke-width="2.5"
      stroke-dasharray={dash}
      data-series={series}
    />
  );
}

export function TimelineChart(input: ChartInput) {
  const { from, to, timeZone } = input;
  const x = (t: number) =>
    LEFT + ((Math.min(Math.max(t, from), to) - from) / (to - from)) * (W - LEFT - RIGHT);
  const max = Math.max(
    4,
    ...input.steps.flatMap((s) => [s.children, s.countedStaff, s.requiredStaff]),
  );
  const y = (v: number) => PLOT_BOTTOM - (v / max) * (PLOT_BOTTOM - PLOT_TOP);
  const local = (t: number) => instantToZoned(new Date(t), timeZone).time;
  const hours: number[] = [];
  for (let t = from; t <= to; t += 3_600_000) hours.push(t);
  const lastStepEnd = Math.min(to, Math.max(...input.bands.map((b) => Date.parse(b.end)), from));
  const yTicks = [0, Math.round(max / 2), max];
  const desc = input.bands.length
    ? input.bands
        .map((b) => `${b.status} ${local(Date.parse(b.start))}–${local(Date.parse(b.end))}`)
        .join("; ")
    : "No status recorded in this window.";
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="tl-title tl-desc" data-timeline>
      <title id="tl-title">{input.title}</title>
      <desc id="tl-desc">{desc}</desc>
      <rect x={LEFT} y={BAND_TOP} width={W - LEFT - RIGHT} height={BAND_H} fill="#eef0f3" />
      {input.bands.map((b) => (
        <rect
          x={x(Date.parse(b.start)).toFixed(1)}
          y={BAND_TOP}
          width={Math.max(1, x(Date.parse(b.end)) - x(Date.parse(b.start))).toFixed(1)}
          height={BAND_H}
          fill={statusColours[b.status]}
          data-band={b.status}
        >
          <title>
            {b.status} {local(Date.parse(b.start))}–{local(Date.parse(b.end))}
          </title>
        </rect>
      ))}
      <text x={4} y={BAND_TOP + BAND_H / 2 + 4} font-size="11" fill="#3a4350">
        status
      </text>
      {yTicks.map((v) => (
        <>
          <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke="#e3e6eb" />
          <text x={LEFT - 6} y={y(v) + 4} font-size="11" text-anchor="end" fill="#3a4350">
            {v}
          </text>
        </>
      ))}
      {hours.map((t) => (
        <>
          <line x1={x(t)} x2={x(t)} y1={PLOT_TOP} y2={PLOT_BOTTOM} stroke="#f0f1f4" />
          <text
            x={x(t)}
            y={PLOT_BOTTOM + 18}
            font-size="11"
            text-anchor="middle"
            fill="#3a4350"
            data-hour
          >
            {local(t)}
          </text>
        </>
      ))}
      <StepLine
        steps={input.steps}
        series="children"
        x={x}
        y={y}
        end={lastStepEnd}
        colour="#1d4ed8"
      />
      <StepLine
        steps={input.steps}
        series="countedStaff"
        x={x}
        y={y}
        end={lastStepEnd}
        colour="#14532d"
      />
      <StepLine
        steps={input.steps}
        series="requiredStaff"
        x={x}
        y={y}
        end={lastStepEnd}
        colour="#8f1d18"
        dash="6 4"
      />
    </svg>
  );
}

function Legend() {
  return (
    <ul class="legend" aria-label="Legend">
      {(Object.keys(statusColours) as RatioStatus[]).map((s) => (
        <li>
          <span style={`background:${statusColours[s]}`} />
          {s}
        </li>
      ))}
      <li>
        <span style="background:#1d4ed8;height:4px" />
        children
      </li>
      <li>
        <span style="background:#14532d;height:4px" />
        staff counted
      </li>
      <li>
        <span style="background:repeating-linear-gradient(90deg,#8f1d18 0 6px,transparent 6px 10px);height:4px" />
        staff required
      </li>
    </ul>
  );
}

/** The rule a violation broke: the evaluation stored with the change that started it. */
function ruleCited(evaluation: unknown): string {
  const e = evaluation as Partial<Evaluation> | undefined;
  if (!e?.governingBand) return "—";
  const band = e.governingBand;
  const cite = e.citations?.[0]?.source;
  return `${e.ruleSource ?? ""}: ${band.label} 1:${band.ratio}${band.maxGroup ? `, group ≤ ${band.maxGroup}` : ""}${cite ? ` (${cite})` : ""}`;
}

interface Day {
  date: string;
  dayStart: Date;
  dayEnd: Date;
}

export function localDay(date: string, timeZone: string): Day {
  return {
    date,
    dayStart: zonedDateTimeToInstant(date, "00:00", timeZone),
    dayEnd: zonedDateTimeToInstant(addDays(date, 1), "00:00", timeZone),
  };
}

/** The records a room's day is drawn from (offload's `timeline` job reads them). */
type DayRecords = JobOutput<"timeline">;

function TimelineBody({
  records,
  center,
  roomName,
  day,
  now,
}: {
  records: DayRecords;
  center: Center;
  roomName: string;
  day: Day;
  now: Date;
}) {
  const startIso = day.dayStart.toISOString();
  const { rows, before, violations } = records;
  // Nothing is drawn past "now": the rest of today has not happened.
  const until = new Date(
    Math.min(day.dayEnd.getTime(), Math.max(now.getTime(), day.dayStart.getTime())),
  );
  const window = { from: startIso, to: until.toISOString() };
  const bands = timelineBands(rows, window, before);
  const steps = countSteps(rows, window, before);
  const hourOf = (time: string) =>
    zonedDateTimeToInstant(day.date, time, center.timeZone).getTime();
  const hourFloor = (t: number) => {
    const z = instantToZoned(new Date(t), center.timeZone);
    return hourOf(`${z.time.slice(0, 2)}:00`);
  };
  const firstChange = rows[0] ? Date.parse(rows[0].at) : undefined;
  const lastChange = rows[rows.length - 1] ? Date.parse(rows[rows.length - 1]!.at) : undefined;
  const from = Math.min(
    hourOf("06:00"),
    firstChange !== undefined ? hourFloor(firstChange) : Infinity,
  );
  const to = Math.max(
    hourOf("20:00"),
    lastChange !== undefined ? hourFloor(lastChange) + 3_600_000 : -Infinity,
  );
  const all: HistoryRow[] = before ? [before, ...rows] : rows;
  const local = (iso: string) => {
    const z = instantToZoned(new Date(iso), center.timeZone);
    return z.date === day.date ? z.time : `${z.date} ${z.time}`;
  };
  return (
    <>
      <div class="chart">
        <TimelineChart
          title={`${roomName}, ${day.date}: ratio status, children and staff`}
          timeZone={center.timeZone}
          from={from}
          to={to}
          bands={bands}
          steps={steps}
        />
      </div>
      <Legend />
      <p class="muted">
        Times are {center.timeZone}. Counts are recorded with each change of status; between changes
        the line holds the last recorded value.
      </p>
      <h2>Status through the day</h2>
      {bands.length === 0 ? (
        <p>No status recorded for this room on {day.date}.</p>
      ) : (
        <ul data-bands>
          {bands.map((b) => (
            <li>
              <span class={`badge ${b.status}`}>{b.status}</span> {local(b.start)}–{local(b.end)} (
              {durationText(Date.parse(b.end) - Date.parse(b.start))})
            </li>
          ))}
        </ul>
      )}
      <h2>Violations</h2>
      {violations.length === 0 ? (
        <p data-violations="0">No violation on {day.date}.</p>
      ) : (
        <div class="table-wrap">
          <table data-violations={violations.length}>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Duration</th>
                <th scope="col">Worst</th>
                <th scope="col">Rule cited</th>
                <th scope="col">Cause</th>
              </tr>
            </thead>
            <tbody>
              {violations.map((v) => {
                const start =
                  all.find((r) => r.at === v.startedAt) ??
                  all.filter((r) => r.at <= v.startedAt).pop();
                const end = v.endedAt ?? now.toISOString();
                return (
                  <tr data-violation={v.id}>
                    <td>{local(v.startedAt)}</td>
                    <td>{v.endedAt ? local(v.endedAt) : "ongoing"}</td>
                    <td>{durationText(Date.parse(end) - Date.parse(v.startedAt))}</td>
                    <td>
                      <span class={`badge ${v.worstStatus}`}>{v.worstStatus}</span>
                    </td>
                    <td>{ruleCited(start?.evaluation)}</td>
                    <td>{v.startCause}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A real calendar day as `YYYY-MM-DD` (not 2026-02-30). */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

export function registerTimelinePage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/timeline", (c) => {
    const framed = frameFor(c, ctx, "timeline");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const rooms = listRooms(ctx.db, center.id);
    const room = rooms.find((r) => r.id === c.req.query("room")) ?? rooms[0];
    if (!room) return notFound(c);
    const date = c.req.query("date");
    const query = date && isDay(date) ? `?date=${date}` : "";
    return c.redirect(
      `/centers/${encodeURIComponent(center.id)}/rooms/${encodeURIComponent(room.id)}/timeline${query}`,
      303,
    );
  });

  app.get("/centers/:centerId/rooms/:roomId/timeline", async (c) => {
    const framed = frameFor(c, ctx, "timeline");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const rooms = listRooms(ctx.db, center.id);
    const room = rooms.find((r) => r.id === c.req.param("roomId"));
    if (!room) return notFound(c);
    const now = ctx.clock();
    const asked = c.req.query("date");
    const badDate = asked !== undefined && asked !== "" && !isDay(asked);
    const day = localDay(
      asked && !badDate ? asked : instantToZoned(now, center.timeZone).date,
      center.timeZone,
    );
    const records = badDate
      ? undefined
      : await ctx.offload.run("timeline", {
          centerId: center.id,
          roomId: room.id,
          from: day.dayStart.toISOString(),
          to: day.dayEnd.toISOString(),
        });
    return renderPage(
      c,
      {
        ...framed.frame,
        title: `Timeline · ${room.name}`,
        children: (
          <>
            <form class="filters" method="get" action={centerPath(center.id, "timeline")}>
              <div>
                <label for="t-room">Room</label>
                <select id="t-room" name="room">
                  {rooms.map((r) => (
                    <option value={r.id} selected={r.id === room.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="t-date">Day</label>
                <input id="t-date" type="date" name="date" value={day.date} />
              </div>
              <button type="submit">Show</button>
            </form>
            {records ? (
              <TimelineBody
                records={records}
                center={center}
                roomName={room.name}
                day={day}
                now={now}
              />
            ) : (
              <p class="notice bad" role="alert">
                date: expected a day as YYYY-MM-DD, got “{asked}”.
              </p>
            )}
          </>
        ),
      },
      badDate ? 400 : 200,
    );
  });
}
