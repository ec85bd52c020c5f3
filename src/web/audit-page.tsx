/**
 * @module web/audit-page
 * The center's audit log, searchable by text and local date range, with links to the CSV and
 * JSON export an inspector is given.
 */
import type { Hono } from "hono";
import type { AuditRow } from "../audit/append.js";
import { type AuditQuery, searchAudit } from "../audit/index.js";
import { instantToZoned } from "../domain/time.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { roleAt } from "./access.js";
import { frameFor } from "./frame.js";
import { centerPath, renderPage } from "./layout.js";
import { type NameBook, nameBook } from "./names.js";
import { isDay } from "./timeline-page.js";

const LIMIT = 200;

/** The entry's data on one line, cut to fit a table cell. */
export function dataSummary(data: Record<string, unknown>, max = 160): string {
  const text = Object.entries(data)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `approval.edited_and_approved` → "approval edited and approved". */
export const actionWords = (action: string): string =>
  action.replaceAll(".", " ").replaceAll("_", " ");

/**
 * The page's search: the text as typed, plus everything done by the people whose names contain
 * it (the log stores actors by id, so "Avery" alone would find nothing). A "Done by" name
 * becomes those people's ids. Each search is a page of its own; the merge keeps the newest.
 */
function searchByName(
  db: Parameters<typeof searchAudit>[0],
  center: Parameters<typeof searchAudit>[1],
  query: AuditQuery,
  book: NameBook,
): ReturnType<typeof searchAudit> {
  const byName = (text: string) => (text.includes(":") ? [text] : book.actorsNamed(text));
  const actors = query.actor ? byName(query.actor) : [undefined];
  const { q, ...rest } = query;
  const queries: AuditQuery[] = actors.flatMap((actor) => {
    const base = { ...rest, ...(actor ? { actor } : {}) };
    if (!q) return [base];
    const named = query.actor ? [] : book.actorsNamed(q).map((a) => ({ ...base, actor: a }));
    return [{ ...base, q }, ...named];
  });
  if (query.actor && actors.length === 0)
    return { ok: true, value: { entries: [], nextBefore: null } };
  const limit = query.limit ?? 100;
  const seen = new Map<number, AuditRow>();
  let more = false;
  for (const one of queries) {
    const page = searchAudit(db, center, one);
    if (!page.ok) return page;
    for (const e of page.value.entries) seen.set(e.seq, e);
    if (page.value.nextBefore !== null) more = true;
  }
  const entries = [...seen.values()].sort((a, b) => b.seq - a.seq).slice(0, limit);
  const last = entries.at(-1);
  const nextBefore = (more || seen.size > limit) && last ? last.seq : null;
  return { ok: true, value: { entries, nextBefore } };
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
    const book = nameBook(ctx.db, center.id, roleAt(framed.principal, center.id));
    const found = searchByName(ctx.db, center, query, book);
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
                  placeholder="a name, an action, a word…"
                />
              </div>
              <div>
                <label for="actor">Done by</label>
                <input id="actor" name="actor" value={actor} placeholder="a person's name" />
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
              <table class="cards" data-audit={rows.length}>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">About</th>
                    <th scope="col">Caused by</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr data-seq={r.seq}>
                      <td data-label="Time">{local(r.at)}</td>
                      <td data-label="Who" data-actor={r.actor}>
                        {book.actor(r.actor)}
                      </td>
                      <td data-label="What">{actionWords(r.action)}</td>
                      <td data-label="About">{book.subject(r.subject)}</td>
                      <td data-label="Caused by">{book.cause(r.correlationId)}</td>
                      <td data-label="Details">
                        <details>
                          <summary>Details</summary>
                          <dl class="facts">
                            <dt>Entry</dt>
                            <dd>{r.seq}</dd>
                            <dt>Actor id</dt>
                            <dd>{r.actor}</dd>
                            <dt>Action</dt>
                            <dd>{r.action}</dd>
                            <dt>Subject</dt>
                            <dd>{r.subject ?? "—"}</dd>
                            <dt>Correlation</dt>
                            <dd>{r.correlationId ?? "—"}</dd>
                            <dt>Data</dt>
                            <dd>{dataSummary(r.data)}</dd>
                          </dl>
                        </details>
                      </td>
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
