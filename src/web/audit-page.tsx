/**
 * @module web/audit-page
 * The center's audit log, searchable by text and local date range, with links to the CSV and
 * JSON export an inspector is given.
 */
import type { Hono } from "hono";
import { type AuditQuery, searchAudit } from "../audit/index.js";
import { instantToZoned } from "../domain/time.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { frameFor } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";
import { isDay } from "./timeline-page.js";

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
    const text = (name: string, max: number) => (c.req.query(name) ?? "").trim().slice(0, max);
    const q = text("q", 200);
    const actor = text("actor", 200);
    const action = text("action", 100);
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
    const before = Number(c.req.query("before"));
    const query: AuditQuery = {
      limit: LIMIT,
      ...(Number.isInteger(before) && before > 0 ? { before } : {}),
      ...(q ? { q } : {}),
      ...(actor ? { actor } : {}),
      ...(action ? { action } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    const found = searchAudit(ctx.db, center, query);
    if (!found.ok) errors.push(found.error.message);
    const rows = found.ok ? found.value.entries : [];
    const older = new URLSearchParams(
      Object.entries({ q, actor, action, from: from ?? "", to: to ?? "" }).filter(([, v]) => v),
    );
    if (found.ok && found.value.nextBefore !== null) {
      older.set("before", String(found.value.nextBefore));
    }
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
                <input
                  id="q"
                  type="search"
                  name="q"
                  value={q}
                  placeholder="action, subject, data…"
                />
              </div>
              <div>
                <label for="actor">Actor</label>
                <input
                  id="actor"
                  name="actor"
                  value={actor}
                  placeholder="user:… or system:alerts"
                />
              </div>
              <div>
                <label for="action">Action starts with</label>
                <input id="action" name="action" value={action} placeholder="approval." />
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
              {rows.length} entries, newest first. Times are {center.timeZone}.
              {older.has("before") ? (
                <>
                  {" "}
                  <a href={`${centerPath(center.id, "audit")}?${older.toString()}`} data-older>
                    Older entries →
                  </a>
                </>
              ) : null}
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
