/**
 * @module web/staffing-page
 * The staffing plan of one room for a week, a day at a time: expected children per 15-minute slot
 * against the staff the rule pack requires and the staff scheduled, as a chart (patterns as well as
 * colours mark the risky slots) and the same slots as a table; then the plan's suggestions, which a
 * director or assistant director may propose as pending approvals. Proposing applies nothing: the
 * approval waits in the queue like any other.
 */
import type { Hono } from "hono";
import { z } from "zod";
import type { Center } from "../domain/index.js";
import { instantToZoned, weekdayOf } from "../domain/time.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { settled } from "../offload/index.js";
import type { staff as staffRules } from "../rules/index.js";
import {
  canProposeStaffing,
  type PlannedSuggestion,
  proposalRequestSchema,
  proposeFromPlanView,
  suggestionSpan,
  withNames,
} from "../staff/index.js";
import { listRooms } from "../storage/directory.js";
import { frameFor } from "./frame.js";
import { CsrfField, centerPath, renderBare, renderPage } from "./layout.js";
import { chartGeometry, stepPath } from "./staffing-chart.js";
import { isDay } from "./timeline-page.js";

type PlanSlot = staffRules.PlanSlot;

const done = {
  proposed: {
    tone: "good",
    text: "Proposed. It waits in the approvals queue; nothing is sent yet.",
  },
  exists: { tone: "good", text: "Already proposed; the existing approval was kept." },
  gone: {
    tone: "bad",
    text: "That suggestion is no longer in the plan (the schedule or history changed). Nothing was proposed.",
  },
  bad: { tone: "bad", text: "The form was incomplete. Nothing was proposed." },
} as const;

const statusWords: Record<PlanSlot["status"], string> = {
  under: "Under-staffed (ratio risk)",
  over: "Over-staffed",
  ok: "In ratio",
};

const weekdayLabel = (date: string) => {
  const d = weekdayOf(date);
  return d.charAt(0).toUpperCase() + d.slice(1);
};

const staffingPath = (centerId: string, q: Record<string, string>) =>
  `${centerPath(centerId, "staffing")}?${new URLSearchParams(q).toString()}`;

function Chart({ slots, room, date }: { slots: PlanSlot[]; room: string; date: string }) {
  const g = chartGeometry(slots);
  const { box } = g;
  const under = slots.filter((s) => s.status === "under");
  const over = slots.filter((s) => s.status === "over");
  const titleId = `chart-title-${date}`;
  const descId = `chart-desc-${date}`;
  const plotTop = box.top;
  const plotHeight = g.baseline - box.top;
  return (
    <figure class="staffing-chart">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-slots={slots.length}
        style="max-width: 100%; height: auto; display: block;"
      >
        <title id={titleId}>
          {room}, {date}: expected children, staff required and staff scheduled per 15 minutes
        </title>
        <desc id={descId}>
          {under.length} slots under-staffed
          {under.length ? ` (${under.map((s) => s.start).join(", ")})` : ""}, {over.length} slots
          over-staffed. The table below lists each of them.
        </desc>
        <defs>
          <pattern id="under-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#fde2e1" />
            <path d="M0,6L6,0" stroke="#b42318" stroke-width="1.2" />
          </pattern>
          <pattern id="over-dots" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#e8eefc" />
            <circle cx="3" cy="3" r="1" fill="#2745a8" />
          </pattern>
        </defs>
        {slots.map((s, i) => {
          const x = g.x(i);
          const w = Math.max(g.slotWidth - 1, 1);
          const top = g.yChildren(s.expected);
          return (
            <g data-slot={i} data-start={s.start} data-status={s.status}>
              <title>
                {s.start}–{s.end}: {s.expected} children expected, {s.requiredStaff} staff required,{" "}
                {s.countedStaff} scheduled — {statusWords[s.status]}
              </title>
              {s.status === "ok" ? null : (
                <rect
                  x={x}
                  y={plotTop}
                  width={g.slotWidth}
                  height={plotHeight}
                  fill={s.status === "under" ? "url(#under-hatch)" : "url(#over-dots)"}
                />
              )}
              <rect
                x={x + 0.5}
                y={top}
                width={w}
                height={Math.max(g.baseline - top, 0)}
                fill="#8da2c0"
              />
            </g>
          );
        })}
        <path
          d={stepPath(
            slots.map((s) => s.requiredStaff),
            g.x,
            g.yStaff,
          )}
          fill="none"
          stroke="#8f1d18"
          stroke-width="2"
          stroke-dasharray="6 3"
          data-line="required"
        />
        <path
          d={stepPath(
            slots.map((s) => s.countedStaff),
            g.x,
            g.yStaff,
          )}
          fill="none"
          stroke="#14532d"
          stroke-width="2.5"
          data-line="scheduled"
        />
        <line x1={box.left} x2={g.x(slots.length)} y1={g.baseline} y2={g.baseline} stroke="#333" />
        {g.childrenTicks.map((t) => (
          <text x={box.left - 6} y={t.y + 4} text-anchor="end" font-size="11">
            {t.label}
          </text>
        ))}
        {g.staffTicks.map((t) => (
          <text x={g.x(slots.length) + 6} y={t.y + 4} font-size="11">
            {t.label}
          </text>
        ))}
        {g.hourTicks.map((t) => (
          <text x={t.x} y={g.baseline + 14} text-anchor="middle" font-size="11">
            {t.label}
          </text>
        ))}
        <text x={box.left} y={box.height - 6} font-size="11">
          Children (left)
        </text>
        <text x={box.width / 2} y={box.height - 6} text-anchor="middle" font-size="11">
          Hour of the day (center time)
        </text>
        <text x={box.width - box.right} y={box.height - 6} text-anchor="end" font-size="11">
          Staff (right)
        </text>
      </svg>
      <figcaption>
        <ul class="legend">
          <li>Grey-blue bars: children expected (left scale).</li>
          <li>Dashed dark red line: staff the rule pack requires (right scale).</li>
          <li>Solid green line: scheduled staff who count toward ratio (right scale).</li>
          <li>Red diagonal hatching behind a slot: under-staffed, a ratio risk.</li>
          <li>
            Blue dots behind a slot: over-staffed, someone could be spared (the room stays in ratio
            without them there and through every planned break while the same people are on shift).
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

function RiskTable({ slots, names }: { slots: PlanSlot[]; names: Record<string, string> }) {
  const risky = slots.filter((s) => s.status !== "ok");
  if (risky.length === 0) {
    return <p class="muted">Every slot of this day is in ratio without staff to spare.</p>;
  }
  const who = (ids: string[]) => ids.map((id) => names[id] ?? id).join(", ") || "nobody";
  return (
    <details open>
      <summary>
        The {risky.length} slots under- or over-staffed, as a table (
        {risky.filter((s) => s.status === "under").length} under-staffed)
      </summary>
      <div class="table-wrap">
        <table data-risky={risky.length}>
          <caption class="muted">Slots out of balance, in center time</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Status</th>
              <th scope="col">Expected children</th>
              <th scope="col">Staff required</th>
              <th scope="col">Staff scheduled</th>
              <th scope="col">On shift</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {risky.map((s) => (
              <tr data-risk-slot={s.start} data-status={s.status}>
                <th scope="row">
                  {s.start}–{s.end}
                </th>
                <td>{statusWords[s.status]}</td>
                <td>
                  {s.expected}
                  {s.planningChildren !== s.expected ? ` (plan for ${s.planningChildren})` : ""}
                </td>
                <td>{s.requiredStaff}</td>
                <td>{s.countedStaff}</td>
                <td>
                  {who(s.staffIds)}
                  {s.onBreak.length ? `; on break: ${who(s.onBreak)}` : ""}
                </td>
                <td>{withNames(s.reasons.join("; "), names) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** What the stored shifts say about the day's hours. */
function DayHours({ day }: { day: staffRules.PlanDay | undefined }) {
  if (!day) return null;
  return (
    <p class="muted" data-day-hours={day.date}>
      {day.staffedFrom && day.staffedUntil
        ? `Staff are scheduled at the center from ${day.staffedFrom} to ${day.staffedUntil} (${day.why.replace(/^open: /, "")}).`
        : `No staff are scheduled yet; the day is planned because ${day.why.replace(/^open: no staff scheduled yet, but /, "there was ")}.`}
    </p>
  );
}

/** Where the room has more staff than the ratio needs but nobody is spare: the breaks they cover. */
function BreakCover({ slots, names }: { slots: PlanSlot[]; names: Record<string, string> }) {
  const notes = [
    ...new Set(slots.flatMap((s) => (s.status === "ok" && s.breakCover ? [s.breakCover] : []))),
  ].map((r) => withNames(r, names));
  if (notes.length === 0) return null;
  return (
    <section data-break-cover={notes.length}>
      <h3>Not spare: break cover</h3>
      <ul>
        {notes.map((n) => (
          <li>{n}</li>
        ))}
      </ul>
    </section>
  );
}

/** The arithmetic behind a suggestion, from the slots it is about. */
function arithmetic(item: PlannedSuggestion, slots: PlanSlot[]): string {
  const span = suggestionSpan(item.suggestion);
  const inSpan = slots.filter(
    (s) => s.date === item.suggestion.date && s.start >= span.start && s.start < span.end,
  );
  if (inSpan.length === 0) return "";
  const peak = Math.max(...inSpan.map((s) => s.planningChildren));
  const required = Math.max(...inSpan.map((s) => s.requiredStaff));
  const counted = Math.min(...inSpan.map((s) => s.countedStaff));
  return (
    `${span.start}–${span.end}: up to ${peak} children planned for, ${required} staff required, ` +
    `${counted} scheduled and counted, so ${Math.max(required - counted, 0)} short.`
  );
}

function Suggestions(props: {
  center: Center;
  items: PlannedSuggestion[];
  slots: PlanSlot[];
  names: Record<string, string>;
  mayPropose: boolean;
  csrfToken: string | undefined;
  room: string;
  weekStart: string;
  day: string;
}) {
  const { center, items } = props;
  if (items.length === 0) return <p class="muted">No suggestion for this day.</p>;
  return (
    <ol class="suggestions" data-suggestions={items.length}>
      {items.map((item) => {
        const p = item.proposal;
        const as =
          p.kind === "staff_reassignment"
            ? "a staff reassignment (one staff.assign call once approved)"
            : "a task for the director";
        return (
          <li data-suggestion={item.id} data-kind={item.suggestion.kind}>
            <p>
              <strong>{p.title}</strong> <span class="muted">— proposed as {as}</span>
            </p>
            <p>Why: {withNames(item.suggestion.reason, props.names)}</p>
            <p class="muted">{arithmetic(item, props.slots)}</p>
            {item.approval ? (
              <p data-proposed={item.approval.id}>
                Proposed —{" "}
                <a href={`${centerPath(center.id, "approvals")}/${item.approval.id}`}>
                  view approval #{item.approval.id}
                </a>{" "}
                ({item.approval.state.replaceAll("_", " ")})
              </p>
            ) : props.mayPropose ? (
              <form method="post" action={`${centerPath(center.id, "staffing")}/proposals`}>
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="room" value={props.room} />
                <input type="hidden" name="date" value={props.weekStart} />
                <input type="hidden" name="day" value={props.day} />
                <input type="hidden" name="suggestion" value={item.id} />
                <button type="submit">Propose</button>
              </form>
            ) : (
              <p class="muted">A director or assistant director may propose this.</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

const formSchema = proposalRequestSchema.extend({ day: z.iso.date().optional() });

export function registerStaffingPage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/staffing", async (c) => {
    const framed = frameFor(c, ctx, "staffing");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const rooms = listRooms(ctx.db, center.id);
    const today = instantToZoned(ctx.clock(), center.timeZone).date;
    const askedDate = c.req.query("date") ?? "";
    const badDate = askedDate !== "" && !isDay(askedDate);
    const weekStart = askedDate && !badDate ? askedDate : today;
    const room = rooms.find((r) => r.id === c.req.query("room")) ?? rooms[0];
    const result = done[c.req.query("done") as keyof typeof done];
    const now = ctx.clock();
    const view = room
      ? await settled(
          ctx.offload.run("staffingView", {
            center,
            roomId: room.id,
            weekStart,
            actor: principal.actor,
            at: now,
          }),
        )
      : undefined;
    const days = view?.ok ? view.value.plan.days : [];
    const week = days.filter((d) => d.open).map((d) => d.date);
    const closed = days.filter((d) => !d.open);
    const askedDay = c.req.query("day") ?? "";
    const day = week.includes(askedDay) ? askedDay : (week[0] ?? weekStart);
    const nowLocal = instantToZoned(now, center.timeZone);
    const daySlots = view?.ok ? view.value.plan.slots.filter((s) => s.date === day) : [];
    const link = (d: string) =>
      staffingPath(center.id, { room: room?.id ?? "", date: weekStart, day: d });
    return renderPage(
      c,
      {
        ...framed.frame,
        title: "Staffing plan",
        children: (
          <>
            <form class="filters" method="get" action={centerPath(center.id, "staffing")}>
              <div>
                <label for="p-room">Room</label>
                <select id="p-room" name="room">
                  {rooms.map((r) => (
                    <option value={r.id} selected={r.id === room?.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="p-date">Week from</label>
                <input id="p-date" type="date" name="date" value={weekStart} />
              </div>
              <button type="submit">Show</button>
            </form>
            {badDate ? (
              <p class="notice bad" role="alert">
                date: "{askedDate}" is not a date (YYYY-MM-DD); showing the week from {today}.
              </p>
            ) : null}
            {result ? (
              <p class={`notice ${result.tone}`} role="status">
                {result.text}
              </p>
            ) : null}
            {!room ? (
              <p class="muted">This center has no rooms yet.</p>
            ) : !view?.ok ? (
              <p class="notice bad" role="alert">
                The plan could not be made: {view?.error.message}
              </p>
            ) : (
              <>
                <p class="muted">
                  Expected children come from the same weekday of the last weeks of attendance
                  (recent weeks weigh more: {view.value.plan.weights.join(", ")}) and the enrolled
                  schedules; staff from the stored shifts, judged by the {center.jurisdiction} rule
                  pack. A staff member counts in a slot only if their shift covers all of it and no
                  break touches it. Open days come from what is: a day with a shift scheduled at the
                  center, or with attendance on the same weekday in the last 4 weeks, is open; any
                  other day is closed and not planned. An open day is planned over the center's
                  opening hours from Settings (06:00–19:00 when none are set).
                  {week.includes(nowLocal.date)
                    ? ` Today, the slots until ${nowLocal.time.slice(0, 5)} show what the live monitor recorded, and the next 30 minutes what the live forecast says.`
                    : ""}
                </p>
                {closed.length > 0 ? (
                  <ul class="muted" data-closed={closed.length}>
                    {closed.map((d) => (
                      <li data-closed-day={d.date}>
                        {weekdayLabel(d.date)} {d.date}: {d.why.replace(/^closed: /, "closed — ")}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <nav class="sections" aria-label="Days of the week">
                  <ul>
                    {week.map((d) => {
                      const short = view.value.plan.slots.filter(
                        (s) => s.date === d && s.status === "under",
                      ).length;
                      return (
                        <li>
                          <a href={link(d)} aria-current={d === day ? "page" : undefined}>
                            {weekdayLabel(d)} {d.slice(5)}
                            {short ? ` · ${short} short` : ""}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </nav>
                {week.length === 0 ? (
                  <p class="notice" role="status">
                    The center is closed every day of this week, as far as what is stored shows.
                  </p>
                ) : (
                  <>
                    <h2>
                      {room.name}, {weekdayLabel(day)} {day}
                    </h2>
                    <DayHours day={days.find((d) => d.date === day)} />
                    <Chart slots={daySlots} room={room.name} date={day} />
                    <RiskTable slots={daySlots} names={view.value.names} />
                    <BreakCover slots={daySlots} names={view.value.names} />
                  </>
                )}
                <h2>Suggestions</h2>
                <Suggestions
                  center={center}
                  items={view.value.suggestions.filter((s) => s.suggestion.date === day)}
                  slots={daySlots}
                  names={view.value.names}
                  mayPropose={canProposeStaffing(principal, center.id)}
                  csrfToken={framed.frame.csrfToken}
                  room={room.id}
                  weekStart={weekStart}
                  day={day}
                />
              </>
            )}
          </>
        ),
      },
      badDate ? 400 : 200,
    );
  });

  app.post("/centers/:centerId/staffing/proposals", async (c) => {
    const framed = frameFor(c, ctx, "staffing");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    if (!canProposeStaffing(principal, center.id)) {
      return renderBare(
        c,
        403,
        "Not allowed",
        "Only a director or assistant director may propose a staffing change. Nothing was proposed.",
      );
    }
    const form = formSchema.safeParse(await c.req.parseBody());
    if (!form.success) {
      return c.redirect(staffingPath(center.id, { done: "bad" }), 303);
    }
    const { room, date, suggestion, day } = form.data;
    const back = (outcome: keyof typeof done) =>
      c.redirect(staffingPath(center.id, { room, date, day: day ?? date, done: outcome }), 303);
    const view = await settled(
      ctx.offload.run("staffingView", {
        center,
        roomId: room,
        weekStart: date,
        actor: principal.actor,
        at: ctx.clock(),
      }),
    );
    if (!view.ok) return back(view.error.code === "not_found" ? "gone" : "bad");
    const proposed = proposeFromPlanView(
      ctx.db,
      view.value,
      { room, date, suggestion },
      ctx.wallClock().toISOString(),
    );
    if (!proposed.ok) return back(proposed.error.code === "not_found" ? "gone" : "bad");
    return back(proposed.value.created ? "proposed" : "exists");
  });
}
