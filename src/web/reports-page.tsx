/**
 * @module web/reports-page
 * The reports a director hands over, on one page: the subsidy claim for a month, meal
 * participation counts and the emergency drill reconciliations for a date range, each with CSV
 * and PDF downloads (the same-origin /api routes, which take the session cookie).
 */
import type { Hono } from "hono";
import { addDays, instantToZoned, weekdayOf } from "../domain/time.js";
import type { AppContext, AppEnv } from "../http/context.js";
import {
  buildMealReport,
  buildRatioReport,
  buildSubsidyReport,
  loadDrillLog,
  loadMealReportRows,
  loadRatioReportRows,
  loadSubsidyReportRows,
  mealServiceLabel,
  mealServices,
  mmss,
  monthSchema,
  reportRangeSchema,
} from "../reports/index.js";
import { frameFor } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";
import { plural } from "./words.js";

const flagText: Record<string, string> = {
  missing_check_out: "missing check-out",
  over_authorized_hours: "hours over authorization",
  over_authorized_days: "days over authorization",
  over_allowed_absences: "absences over allowance",
};

function Downloads({ base }: { base: string }) {
  return (
    <p>
      Download: <a href={`${base}&format=csv`}>CSV</a> · <a href={`${base}&format=pdf`}>PDF</a>
    </p>
  );
}

export function registerReportsPage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/reports", (c) => {
    const framed = frameFor(c, ctx, "reports");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const today = instantToZoned(ctx.clock(), center.timeZone).date;
    const monday = (() => {
      let d = today;
      while (weekdayOf(d) !== "mon") d = addDays(d, -1);
      return d;
    })();
    const askedMonth = monthSchema.safeParse(c.req.query("month"));
    const month = askedMonth.success ? askedMonth.data : today.slice(0, 7);
    const askedRange = reportRangeSchema.safeParse({
      from: c.req.query("from"),
      to: c.req.query("to"),
    });
    const range = askedRange.success ? askedRange.data : { from: monday, to: today };
    const bad =
      (c.req.query("month") && !askedMonth.success) ||
      ((c.req.query("from") || c.req.query("to")) && !askedRange.success);
    const api = `/api/centers/${encodeURIComponent(center.id)}/reports`;
    const subsidy = buildSubsidyReport(
      loadSubsidyReportRows(ctx.db, center.id, month)!,
      month,
      ctx.clock(),
      ctx.wallClock(),
    );
    const meals = buildMealReport(loadMealReportRows(ctx.db, center.id)!, range, ctx.wallClock());
    const drills = loadDrillLog(ctx.db, center.id, range, ctx.wallClock())!;
    const ratio = buildRatioReport(
      loadRatioReportRows(ctx.db, center.id, range)!,
      range,
      ctx.clock(),
      ctx.wallClock(),
    );
    const hours = (ms: number) => {
      const m = Math.floor(ms / 60_000);
      return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
    };
    const local = (iso: string) => instantToZoned(new Date(iso), center.timeZone).time.slice(0, 5);
    const self = centerPath(center.id, "reports");
    return renderPage(
      c,
      {
        ...framed.frame,
        title: "Reports",
        children: (
          <>
            {bad ? (
              <p class="notice bad" role="alert">
                Expected a month as YYYY-MM and days as YYYY-MM-DD (from not after to, at most a
                year); showing the defaults.
              </p>
            ) : null}
            <form class="filters" method="get" action={self}>
              <input type="hidden" name="month" value={month} />
              <div>
                <label for="r-from">From</label>
                <input id="r-from" type="date" name="from" value={range.from} />
              </div>
              <div>
                <label for="r-to">To</label>
                <input id="r-to" type="date" name="to" value={range.to} />
              </div>
              <button type="submit">Show these days</button>
            </form>

            <section aria-labelledby="ratio" data-report="ratio">
              <h2 id="ratio">Licensing ratio report</h2>
              <p class="muted">
                The report an inspector asks for: every room's time in and out of ratio from{" "}
                {range.from} to {range.to}, each violation with its cause, who was alerted and who
                acknowledged, and the rules applied. Times are {center.timeZone}.
              </p>
              <p>
                Download the{" "}
                <a href={`${api}/ratio?from=${range.from}&to=${range.to}&format=pdf`}>
                  PDF for the inspector
                </a>{" "}
                or the <a href={`${api}/ratio?from=${range.from}&to=${range.to}&format=csv`}>CSV</a>
                .
              </p>
              <p data-ratio-totals={ratio.totals.violations}>
                {plural(ratio.totals.violations, "violation")} in{" "}
                {plural(ratio.rooms.length, "room")}; out of ratio{" "}
                {hours(ratio.totals.outOfRatioMs)} of {hours(ratio.totals.observedMs)} observed.
              </p>
              <div class="table-wrap">
                <table class="cards">
                  <thead>
                    <tr>
                      <th scope="col">Room</th>
                      <th scope="col">Children present</th>
                      <th scope="col">Out of ratio</th>
                      <th scope="col">Violations</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ratio.rooms.map((r) => (
                      <tr data-ratio-room={r.roomName}>
                        <td data-label="Room">{r.roomName}</td>
                        <td data-label="Children present">{hours(r.observedMs)}</td>
                        <td data-label="Out of ratio">{hours(r.outOfRatioMs)}</td>
                        <td data-label="Violations">{r.violations}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section aria-labelledby="subsidy" data-report="subsidy">
              <h2 id="subsidy">Subsidy claim</h2>
              <form class="filters" method="get" action={self}>
                <div>
                  <label for="r-month">Month</label>
                  <input id="r-month" type="month" name="month" value={month} />
                </div>
                <input type="hidden" name="from" value={range.from} />
                <input type="hidden" name="to" value={range.to} />
                <button type="submit">Show</button>
              </form>
              <p class="muted">
                {plural(subsidy.totals.lines, "authorization")}: {subsidy.totals.ready} ready,{" "}
                {subsidy.totals.flagged} to review first.{" "}
                {plural(subsidy.openDays.length, "open day")} recorded.
              </p>
              <Downloads base={`${api}/subsidy?month=${month}`} />
              {subsidy.missingCheckOuts.length > 0 ? (
                <div class="notice warn" role="status">
                  <strong>Fix before claiming — missing check-outs:</strong>
                  <ul>
                    {subsidy.missingCheckOuts.map((m) => (
                      <li>
                        {m.childName} on {m.date} (in at {local(m.checkedInAt)})
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div class="table-wrap">
                <table class="cards">
                  <thead>
                    <tr>
                      <th scope="col">Child</th>
                      <th scope="col">Program</th>
                      <th scope="col">Attended days / h</th>
                      <th scope="col">Authorized days / h</th>
                      <th scope="col">Absent (allowed)</th>
                      <th scope="col">Claimable days / h</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {subsidy.lines.map((l) => (
                      <tr data-line={l.reference}>
                        <td data-label="Child">{l.childName}</td>
                        <td data-label="Program">
                          {l.program} <small class="muted">{l.reference}</small>
                        </td>
                        <td data-label="Attended days / h">
                          {l.attendedDays} / {l.attendedHours.toFixed(2)}
                        </td>
                        <td data-label="Authorized days / h">
                          {l.authorizedDays} / {l.authorizedHours.toFixed(2)}
                        </td>
                        <td data-label="Absent (allowed)">
                          {l.absentDays} ({l.allowedAbsenceDays})
                        </td>
                        <td data-label="Claimable days / h">
                          {l.claimableDays} / {l.claimableHours.toFixed(2)}
                        </td>
                        <td data-label="Status">
                          {l.ready ? (
                            <span class="badge ok">ready</span>
                          ) : (
                            <span class="badge violation">
                              review: {l.flags.map((f) => flagText[f] ?? f).join(", ")}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section aria-labelledby="meals" data-report="meals">
              <h2 id="meals">Meal participation</h2>
              <p class="muted">Children served per meal service, from approved daily logs.</p>
              <Downloads base={`${api}/meals?from=${range.from}&to=${range.to}`} />
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      {mealServices.map((s) => (
                        <th scope="col">{mealServiceLabel[s]}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {meals.days.map((d) => (
                      <tr>
                        <td>{d.date}</td>
                        {mealServices.map((s) => (
                          <td>{d.counts[s]}</td>
                        ))}
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">Total</th>
                      {mealServices.map((s) => (
                        <td>
                          <strong>{meals.totals[s]}</strong>
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </section>

            <section aria-labelledby="drills" data-report="drills">
              <h2 id="drills">Emergency drills</h2>
              <p>
                <a class="button" href={centerPath(center.id, "drills")}>
                  Run a drill
                </a>
              </p>
              <Downloads base={`${api}/drills?from=${range.from}&to=${range.to}`} />
              {drills.drills.length === 0 ? <p class="muted">No drills in this range.</p> : null}
              {drills.drills.map((d) => (
                <article data-drill-report={d.drill.id}>
                  <h3>
                    Drill {d.drill.id}: {d.drill.kind.replaceAll("_", " ")},{" "}
                    {instantToZoned(new Date(d.drill.startedAt), center.timeZone).date}{" "}
                    {local(d.drill.startedAt)}
                  </h3>
                  <p>
                    Expected {plural(d.totals.expectedChildren, "child", "children")} and{" "}
                    {plural(d.totals.expectedStaff, "staff member")}; accounted for{" "}
                    {d.totals.accounted}, missing{" "}
                    <strong data-missing={d.totals.missing}>{d.totals.missing}</strong>, extra{" "}
                    {d.totals.extra}.{" "}
                    {d.drill.state === "running"
                      ? "Still running."
                      : d.timeToAccountMs === null
                        ? "Not everyone was accounted for."
                        : `Everyone accounted for in ${mmss(d.timeToAccountMs)} (min:s).`}
                  </p>
                  {d.missing.length > 0 ? (
                    <p class="notice bad">
                      Missing:{" "}
                      {d.missing
                        .map((p) => `${p.name}${p.roomName ? ` (${p.roomName})` : ""}`)
                        .join(", ")}
                    </p>
                  ) : null}
                  {d.extra.length > 0 ? (
                    <p class="notice warn">Extra: {d.extra.map((p) => p.name).join(", ")}</p>
                  ) : null}
                </article>
              ))}
            </section>
          </>
        ),
      },
      bad ? 400 : 200,
    );
  });
}
