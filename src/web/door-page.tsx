/**
 * @module web/door-page
 * At the door, for a local day: open pick-up holds with the director's release form, and every
 * exception of the day (holds, check-in exceptions) with its state and a resolve form; plus the
 * directors' attendance patterns page (daily digest / weekly report). Downloads are the report
 * API's CSV and PDF.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { evaluateCenter } from "../compliance/index.js";
import { instantToZoned } from "../domain/time.js";
import { holdConsequence, holdWhatHappened } from "../door/hold-words.js";
import {
  buildExceptionsReport,
  buildPatternsReport,
  patternPeriodSchema,
  releaseHold,
  resolveException,
} from "../door/index.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { listChildren, listRooms } from "../storage/directory.js";
import { listOpenPickupHolds } from "../storage/door.js";
import { canAct } from "./access.js";
import { type Framed, frameFor } from "./frame.js";
import { HoldBanner, mayReleaseHolds } from "./hold-banner.js";
import { CsrfField, centerPath, renderPage } from "./layout.js";
import { DataTable, DownloadLinks } from "./table.js";
import { isDay } from "./timeline-page.js";

interface Notice {
  cls: string;
  text: string;
}

const notices = {
  released: { cls: "ok", text: "Hold released and recorded." },
  resolved: { cls: "ok", text: "Exception marked resolved." },
  forbidden: { cls: "bad", text: "Only a director may release a pick-up hold. Nothing changed." },
  reason: {
    cls: "bad",
    text: "reason: say why, so the record explains the decision. Nothing changed.",
  },
  gone: { cls: "warn", text: "That item was already decided or no longer exists." },
} satisfies Record<string, Notice>;
/** The notice a door form redirects back with. */
type Done = keyof typeof notices;

export function registerDoorPages(app: Hono<AppEnv>, ctx: AppContext): void {
  // The hold banner's live fragment (layout.tsx's slot): what the banner shows now.
  app.get("/centers/:centerId/door/banner", (c) => {
    const framed = frameFor(c, ctx, "door");
    if (!framed.ok) return framed.response;
    const { center, principal, frame } = framed;
    const items = frame.holds ?? [];
    if (items.length === 0) return c.html("");
    return c.html(
      <HoldBanner
        items={items}
        doorHref={centerPath(center.id, "door")}
        canRelease={mayReleaseHolds(principal, center.id)}
      />,
    );
  });

  app.get("/centers/:centerId/door", (c) => {
    const framed = frameFor(c, ctx, "door");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const asked = c.req.query("date");
    const date = asked && isDay(asked) ? asked : instantToZoned(ctx.clock(), center.timeZone).date;
    const report = buildExceptionsReport(ctx.db, center.id, date, ctx.wallClock())!;
    const open = listOpenPickupHolds(ctx.db, center.id);
    const children = new Map(
      listChildren(ctx.db, center.id, [...new Set(open.map((h) => h.childId))]).map((ch) => [
        ch.id,
        ch,
      ]),
    );
    const rooms = new Map(listRooms(ctx.db, center.id).map((r) => [r.id, r.name]));
    const mayRelease = mayReleaseHolds(principal, center.id);
    const acting = canAct(principal, center.id);
    const self = centerPath(center.id, "door");
    const notice = (notices as Record<string, Notice | undefined>)[c.req.query("done") ?? ""];
    const api = `/api/centers/${encodeURIComponent(center.id)}/reports/exceptions?date=${date}`;
    return renderPage(c, {
      ...framed.frame,
      title: "At the door",
      children: (
        <>
          {notice ? (
            <p class={`notice ${notice.cls}`} role="status">
              {notice.text}
            </p>
          ) : null}
          <h2>Open pick-up holds</h2>
          {open.length === 0 ? (
            <p class="muted">No open holds.</p>
          ) : (
            open.map((h) => {
              const child = children.get(h.childId);
              const first = child?.firstName ?? "the child";
              const at = instantToZoned(new Date(h.occurredAt), center.timeZone);
              const when = at.date === date ? at.time : `${at.date} ${at.time}`;
              const choice = (value: string) => `outcome-${h.id}-${value}`;
              return (
                <section class="card" data-hold={h.id} aria-labelledby={`hold-${h.id}`}>
                  <h3 id={`hold-${h.id}`}>
                    {child ? `${child.firstName} ${child.lastName}` : "A child"}
                    {h.roomId && rooms.has(h.roomId) ? ` in ${rooms.get(h.roomId)}` : ""}, {when}
                  </h3>
                  <p>
                    {holdWhatHappened(h, first)}. {holdConsequence(first)}
                  </p>
                  {h.nearMatches.length > 0 ? (
                    <p class="muted">Similar authorized names: {h.nearMatches.join(", ")}</p>
                  ) : null}
                  {mayRelease ? (
                    <form method="post" action={`${self}/holds/${h.id}/release`}>
                      <CsrfField token={framed.frame.csrfToken} />
                      <fieldset>
                        <legend>Where is {first} now?</legend>
                        <div class="choice">
                          <input
                            type="radio"
                            id={choice("stayed")}
                            name="outcome"
                            value="not_handed_over"
                            checked
                          />
                          <label for={choice("stayed")}>{first} stayed with us</label>
                        </div>
                        <div class="choice">
                          <input
                            type="radio"
                            id={choice("left")}
                            name="outcome"
                            value="handed_over"
                          />
                          <label for={choice("left")}>
                            I confirmed this person; {first} left with them
                          </label>
                        </div>
                      </fieldset>
                      <label for={`reason-${h.id}`}>Reason (recorded)</label>
                      <textarea id={`reason-${h.id}`} name="reason" required rows={2} />
                      <button type="submit" class="danger">
                        Release hold
                      </button>
                    </form>
                  ) : (
                    <p class="muted">Only a director may release this hold.</p>
                  )}
                </section>
              );
            })
          )}
          <h2>Exceptions on {date}</h2>
          <form class="filters" method="get" action={self}>
            <label for="d-date">Day</label>
            <input id="d-date" type="date" name="date" value={date} />
            <button type="submit">Show</button>
          </form>
          <p class="muted">
            {report.totals.total} exceptions: {report.totals.open} open, {report.totals.resolved}{" "}
            resolved. <DownloadLinks api={api} />
          </p>
          <DataTable
            columns={["Time", "Kind", "Child", "Room", "Reason", "State"]}
            attrs={{ "data-exceptions": report.items.length }}
          >
            {report.items.map((i) => (
              <tr data-exception={i.ref}>
                <td>{i.date === date ? i.time : `${i.date} ${i.time}`}</td>
                <td>{i.kind.replaceAll("_", " ")}</td>
                <td>{i.childName}</td>
                <td>{i.roomName ?? "—"}</td>
                <td>{i.reason}</td>
                <td>
                  {i.state === "resolved" ? (
                    `resolved by ${i.resolvedBy ?? "?"}: ${i.resolution ?? ""}`
                  ) : i.type === "checkin_exception" && acting ? (
                    <form method="post" action={`${self}/exceptions/${i.id}/resolve`}>
                      <CsrfField token={framed.frame.csrfToken} />
                      <label for={`res-${i.id}`}>open — resolution</label>
                      <input id={`res-${i.id}`} name="resolution" required />
                      <button type="submit">Resolve</button>
                    </form>
                  ) : (
                    "open"
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ),
    });
  });

  /**
   * Both door forms: the record id from the path, the right to act, then `act` on the form body;
   * every outcome, refusals included, is a redirect back to the door page with a notice.
   */
  const doorForm = (
    path: string,
    act: (who: Extract<Framed, { ok: true }>, id: number, form: Record<string, unknown>) => Done,
  ) =>
    app.post(`/centers/:centerId/door/${path}`, async (c) => {
      const framed = frameFor(c, ctx, "door");
      if (!framed.ok) return framed.response;
      const self = centerPath(framed.center.id, "door");
      const id = z.coerce.number().int().positive().safeParse(c.req.param("id"));
      if (!id.success) return c.redirect(`${self}?done=gone`, 303);
      if (!canAct(framed.principal, framed.center.id)) {
        return c.redirect(`${self}?done=forbidden`, 303);
      }
      const form = await c.req.parseBody();
      try {
        return c.redirect(`${self}?done=${act(framed, id.data, form)}`, 303);
      } catch (error) {
        return c.redirect(`${self}?done=${doneFor(error)}`, 303);
      }
    });

  doorForm("holds/:id/release", ({ center, principal }, id, form) => {
    const { touched } = releaseHold(
      ctx.db,
      principal,
      center.id,
      id,
      { outcome: form.outcome, reason: typeof form.reason === "string" ? form.reason : "" },
      ctx.wallClock(),
    );
    const rooms = touched.get(center.id);
    if (rooms) {
      for (const change of evaluateCenter(ctx.db, center.id, ctx.clock(), rooms)) {
        ctx.events.emit("status", change);
      }
      ctx.events.emit("rooms", { centerId: center.id, roomIds: [...rooms.keys()] });
    }
    ctx.events.emit("alerts", {
      centerId: center.id,
      alertId: null,
      holdId: id,
      event: "hold_released",
    });
    return "released";
  });

  doorForm("exceptions/:id/resolve", ({ center, principal }, id, form) => {
    resolveException(
      ctx.db,
      principal,
      center.id,
      id,
      { resolution: form.resolution },
      ctx.wallClock(),
    );
    return "resolved";
  });

  app.get("/centers/:centerId/patterns", (c) => {
    const framed = frameFor(c, ctx, "patterns");
    if (!framed.ok) return framed.response;
    const { center } = framed;
    const asked = c.req.query("date");
    const date = asked && isDay(asked) ? asked : instantToZoned(ctx.clock(), center.timeZone).date;
    const period = patternPeriodSchema.catch("day").parse(c.req.query("period"));
    const report = buildPatternsReport(ctx.db, center.id, period, date, ctx.wallClock())!;
    const api = `/api/centers/${encodeURIComponent(center.id)}/reports/patterns?period=${period}&date=${date}`;
    return renderPage(c, {
      ...framed.frame,
      title: period === "day" ? "Daily attendance digest" : "Weekly attendance report",
      children: (
        <>
          <form class="filters" method="get" action={centerPath(center.id, "patterns")}>
            <label for="p-date">{period === "day" ? "Day" : "Week ending"}</label>
            <input id="p-date" type="date" name="date" value={date} />
            <label for="p-period">Period</label>
            <select id="p-period" name="period">
              <option value="day" selected={period === "day"}>
                Daily digest
              </option>
              <option value="week" selected={period === "week"}>
                Weekly report
              </option>
            </select>
            <button type="submit">Show</button>
          </form>
          <p class="muted">
            {report.totals.findings} findings about {report.totals.children} children, {report.from}{" "}
            to {report.to}. <DownloadLinks api={api} />
          </p>
          <DataTable
            columns={["Finding", "Child", "Explanation", "Records"]}
            attrs={{ "data-findings": report.findings.length }}
          >
            {report.findings.map((f) => (
              <tr data-finding={f.kind}>
                <td>{f.kind.replaceAll("_", " ")}</td>
                <td>{f.childName}</td>
                <td>
                  {f.explanation}. Dates: {f.dates.join(", ")}
                </td>
                <td>
                  <small>
                    {f.recordIds.length ? f.recordIds.join(", ") : "no check-in recorded"}
                  </small>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ),
    });
  });
}

function doneFor(error: unknown): Done {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "forbidden") return "forbidden";
  if (error.code === "bad_request") return "reason";
  return "gone";
}
