/**
 * @module web/drill-page
 * The emergency drill on a phone: a big Start button; while it runs, everyone present at the start
 * as a list of large tap targets grouped by room (a tap records that person as accounted for, with
 * the time), a picker for someone who turned up without being expected, and End. Works as plain
 * form posts; a small script sends taps in the background so the list does not jump.
 */
import type { Hono } from "hono";
import { raw } from "hono/html";
import { z } from "zod";
import { instantToZoned } from "../domain/time.js";
import {
  type DrillMark,
  drillKindSchema,
  endDrill,
  markDrill,
  startDrill,
} from "../drills/index.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { buildDrillReport, loadDrillReportRows } from "../reports/index.js";
import { listChildren, listRooms, listStaff } from "../storage/directory.js";
import { listDrills, openDrill } from "../storage/drills.js";
import { canAct } from "./access.js";
import { frameFor } from "./frame.js";
import { CsrfField, centerPath, renderPage } from "./layout.js";

const styles = `
.drill-start button{font-size:1.6rem;padding:1.2rem 2rem;width:100%;max-width:28rem;min-height:4.5rem;background:#b42318;color:#fff;border:0;border-radius:.6rem}
.drill-start select{font-size:1.1rem;padding:.6rem;min-height:3rem;margin-bottom:.8rem}
.drill-head{position:sticky;top:0;background:#fff;padding:.5rem 0;z-index:1;border-bottom:1px solid #ddd}
.drill-list{list-style:none;padding:0;margin:0 0 1rem}
.drill-list li{margin:.35rem 0}
.drill-list button{width:100%;min-height:3.2rem;font-size:1.1rem;text-align:left;padding:.6rem .9rem;border-radius:.5rem;border:2px solid #888;background:#fff}
.drill-list button[aria-pressed=true]{background:#e7f6ec;border-color:#1a7f37}
.drill-end button{min-height:3.2rem;font-size:1.1rem;padding:.6rem 1.4rem}
`;

const tapScript = `
document.addEventListener('submit', async (e) => {
  const form = e.target;
  if (!form.matches('form.tap')) return;
  e.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const res = await fetch(form.action, { method: 'POST', body: new FormData(form), redirect: 'follow' });
    if (!res.ok) throw new Error(String(res.status));
    button.setAttribute('aria-pressed', 'true');
    const done = document.getElementById('accounted');
    if (done) done.textContent = String(Number(done.textContent) + 1);
  } catch { form.submit(); }
});
`;

const drillPath = (centerId: string) => centerPath(centerId, "drills");

export function registerDrillPage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers/:centerId/drills", (c) => {
    const framed = frameFor(c, ctx, "drills");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const may = canAct(principal, center.id);
    const msg = c.req.query("msg");
    const running = openDrill(ctx.db, center.id);
    const local = (iso: string) => {
      const z = instantToZoned(new Date(iso), center.timeZone);
      return `${z.date} ${z.time.slice(0, 5)}`;
    };
    const notice = msg ? (
      <p class="notice bad" role="alert">
        {msg}
      </p>
    ) : null;
    if (!running) {
      const recent = listDrills(ctx.db, center.id, 10);
      return renderPage(c, {
        ...framed.frame,
        title: "Emergency drill",
        children: (
          <>
            <style>{raw(styles)}</style>
            {notice}
            {may ? (
              <form class="drill-start" method="post" action={`${drillPath(center.id)}/start`}>
                <CsrfField token={framed.frame.csrfToken} />
                <label for="drill-kind">Kind</label>
                <br />
                <select id="drill-kind" name="kind">
                  {drillKindSchema.options.map((k) => (
                    <option value={k}>{k.replaceAll("_", " ")}</option>
                  ))}
                </select>
                <br />
                <button type="submit">Start drill</button>
              </form>
            ) : (
              <p class="muted">Your role cannot start drills here.</p>
            )}
            <h2>Recent drills</h2>
            <ul data-drills={recent.length}>
              {recent.map((d) => (
                <li>
                  {local(d.startedAt)} · {d.kind.replaceAll("_", " ")} ·{" "}
                  <a
                    href={`${centerPath(center.id, "reports")}?from=${instantToZoned(new Date(d.startedAt), center.timeZone).date}&to=${instantToZoned(new Date(d.startedAt), center.timeZone).date}#drills`}
                  >
                    reconciliation
                  </a>
                </li>
              ))}
            </ul>
          </>
        ),
      });
    }
    const rows = loadDrillReportRows(ctx.db, center.id, running.id)!;
    const report = buildDrillReport(rows, ctx.wallClock());
    const marked = new Set(rows.marks.map((m) => `${m.subjectKind}:${m.subjectId}`));
    const roomName = new Map(listRooms(ctx.db, center.id).map((r) => [r.id, r.name]));
    const groups = new Map<string, typeof running.expected>();
    for (const p of running.expected) {
      const key = p.kind === "staff" ? "Staff" : (roomName.get(p.roomId ?? "") ?? "No room");
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const expected = new Set(running.expected.map((p) => `${p.kind}:${p.id}`));
    const others = [
      ...listChildren(ctx.db, center.id).map((ch) => ({
        kind: "child",
        id: ch.id,
        name: `${ch.firstName} ${ch.lastName}`,
      })),
      ...listStaff(ctx.db, center.id).map((s) => ({
        kind: "staff",
        id: s.id,
        name: `${s.firstName} ${s.lastName} (staff)`,
      })),
    ].filter((p) => !expected.has(`${p.kind}:${p.id}`) && !marked.has(`${p.kind}:${p.id}`));
    const markAction = `${drillPath(center.id)}/${running.id}/mark`;
    return renderPage(c, {
      ...framed.frame,
      title: "Drill running",
      children: (
        <>
          <style>{raw(styles)}</style>
          {notice}
          <div class="drill-head" data-drill={running.id}>
            <strong>
              <span id="accounted">{report.totals.accounted}</span> of {running.expected.length}{" "}
              accounted for
            </strong>{" "}
            · started {local(running.startedAt)} ({running.kind.replaceAll("_", " ")}) · extra{" "}
            {report.totals.extra}
          </div>
          {[...groups].map(([group, people]) => (
            <section>
              <h2>{group}</h2>
              <ul class="drill-list">
                {people.map((p) => (
                  <li>
                    <form class="tap" method="post" action={markAction}>
                      <CsrfField token={framed.frame.csrfToken} />
                      <input type="hidden" name="subjectKind" value={p.kind} />
                      <input type="hidden" name="subjectId" value={p.id} />
                      <button
                        type="submit"
                        data-subject={`${p.kind}:${p.id}`}
                        aria-pressed={marked.has(`${p.kind}:${p.id}`) ? "true" : "false"}
                        disabled={!may}
                      >
                        {p.name}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <h2>Someone not on the list</h2>
          <form method="post" action={markAction}>
            <CsrfField token={framed.frame.csrfToken} />
            <input type="hidden" name="subjectKind" value="pick" />
            <label for="extra">Person</label>{" "}
            <select id="extra" name="subjectId">
              {others.map((p) => (
                <option value={`${p.kind}:${p.id}`}>{p.name}</option>
              ))}
            </select>{" "}
            <button type="submit" disabled={!may}>
              Accounted for
            </button>
          </form>
          <form
            class="drill-end"
            method="post"
            action={`${drillPath(center.id)}/${running.id}/end`}
          >
            <CsrfField token={framed.frame.csrfToken} />
            <p>
              <button type="submit" disabled={!may}>
                End drill
              </button>
            </p>
          </form>
          <script>{raw(tapScript)}</script>
        </>
      ),
    });
  });

  const fail = (centerId: string, error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    return `${drillPath(centerId)}?msg=${encodeURIComponent(error.message)}`;
  };

  app.post("/centers/:centerId/drills/start", async (c) => {
    const framed = frameFor(c, ctx, "drills");
    if (!framed.ok) return framed.response;
    const form = await c.req.parseBody();
    const kind = drillKindSchema.catch("fire").parse(form.kind);
    try {
      startDrill(ctx.db, framed.center.id, framed.principal, kind, ctx.clock());
      return c.redirect(drillPath(framed.center.id), 303);
    } catch (error) {
      return c.redirect(fail(framed.center.id, error), 303);
    }
  });

  app.post("/centers/:centerId/drills/:drillId/mark", async (c) => {
    const framed = frameFor(c, ctx, "drills");
    if (!framed.ok) return framed.response;
    const id = z.coerce.number().int().positive().catch(0).parse(c.req.param("drillId"));
    const form = await c.req.parseBody();
    const kind = String(form.subjectKind ?? "");
    const subject = String(form.subjectId ?? "");
    // The "not on the list" picker sends `kind:id` in one field.
    const [subjectKind, subjectId] = kind === "pick" ? subject.split(/:(.*)/s) : [kind, subject];
    try {
      const mark: DrillMark = {
        subjectKind: z.enum(["child", "staff"]).parse(subjectKind),
        subjectId: subjectId ?? "",
      };
      markDrill(ctx.db, framed.center.id, id, framed.principal, mark, ctx.clock());
      return c.redirect(drillPath(framed.center.id), 303);
    } catch (error) {
      if (error instanceof z.ZodError) {
        return c.redirect(
          fail(framed.center.id, new AppError("bad_request", "pick a child or staff member")),
          303,
        );
      }
      return c.redirect(fail(framed.center.id, error), 303);
    }
  });

  app.post("/centers/:centerId/drills/:drillId/end", (c) => {
    const framed = frameFor(c, ctx, "drills");
    if (!framed.ok) return framed.response;
    const id = z.coerce.number().int().positive().catch(0).parse(c.req.param("drillId"));
    try {
      const drill = endDrill(ctx.db, framed.center.id, id, framed.principal, ctx.clock());
      const day = instantToZoned(new Date(drill.startedAt), framed.center.timeZone).date;
      return c.redirect(
        `${centerPath(framed.center.id, "reports")}?from=${day}&to=${day}#drills`,
        303,
      );
    } catch (error) {
      return c.redirect(fail(framed.center.id, error), 303);
    }
  });
}
