/**
 * @module web/audit-page
 * The center's audit log, searchable by text and local date range, with links to the CSV and
 * JSON export an inspector is given.
 */
import type { Hono } from "hono";
import { instantToZoned } from "../domain/time.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { searchAudit } from "../storage/audit-page.js";
import { frameFor } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";
import { isDay, localDay } from "./timeline-page.js";

const LIMIT = 200;

/** The entry's data on one line, cut to fit a table cell. */
export function dataSummary(data: Record<string, unknown>, max = 160): string {
  const text = Object.entries(data)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function registerAuditPage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/audit", (c) => {
    const framed = frameFor(c, ctx, "audit");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const errors: string[] = [];
    const day = (name: "from" | "to") => {
      const v = c.req.query(name) ?? "";
      if (v === "") return undefined;
      if (isDay(v)) return v;
      errors.push(`${name}: expected a day as YYYY-MM-DD, got “${v}”`);
      return undefined;
    };
    const from = day("from");
    const to = day("to");
    const rows = searchAudit(ctx.db, {
      centerId: center.id,
      q,
      from: from ? localDay(from, center.timeZone).dayStart.toISOString() : undefined,
      to: to ? localDay(to, center.timeZone).dayEnd.toISOString() : undefined,
      limit: LIMIT,
    });
    const exportQuery = new URLSearchParams();
    if (from) exportQuery.set("from", from);
    if (to) exportQuery.set("to", to);
    const exportUrl = (format: "csv" | "json") => {
      const p = new URLSearchParams(exportQuery);
      p.set("format", format);
      return `/api/centers/${encodeURIComponent(center.id)}/audit?${p.toString()}`;
    };
    const local = (iso: string) => {
      const z = instantToZoned(new Date(iso), center.timeZone);
      return `${z.date} ${z.time}`;
    };
    return renderPage(
      c,
      {
        ...framed.frame,
        title: "Audit log",
        children: (
          <>
            <form class="filters" method="get" action={centerPath(center.id, "audit")}>
              <div>
                <label for="q">Search</label>
                <input id="q" type="search" name="q" value={q} placeholder="actor, action, id…" />
              </div>
              <div>
                <label for="from">From</label>
                <input id="from" type="date" name="from" value={from ?? ""} />
              </div>
              <div>
                <label for="to">To</label>
                <input id="to" type="date" name="to" value={to ?? ""} />
              </div>
              <button type="submit">Search</button>
            </form>
            {errors.map((e) => (
              <p class="notice bad" role="alert">
                {e}
              </p>
            ))}
            <p>
              Export {from || to ? "this date range" : "everything"}:{" "}
              <a href={exportUrl("csv")} data-export="csv">
                CSV
              </a>{" "}
              ·{" "}
              <a href={exportUrl("json")} data-export="json">
                JSON
              </a>
            </p>
            <p class="muted">
              {rows.length === LIMIT ? `The newest ${LIMIT} matches` : `${rows.length} entries`},
              newest first. Times are {center.timeZone}.
            </p>
            <div class="table-wrap">
              <table data-audit={rows.length}>
                <thead>
                  <tr>
                    <th scope="col">Seq</th>
                    <th scope="col">Time</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Action</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Correlation</th>
                    <th scope="col">Data</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr data-seq={r.seq}>
                      <td>{r.seq}</td>
                      <td>{local(r.at)}</td>
                      <td>{r.actor}</td>
                      <td>{r.action}</td>
                      <td>{r.subject ?? "—"}</td>
                      <td>{r.correlationId ?? "—"}</td>
                      <td>{dataSummary(r.data)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ),
      },
      errors.length > 0 ? 400 : 200,
    );
  });
}
