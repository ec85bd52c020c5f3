/**
 * @module web/quick-log-page
 * A teacher's quick log on a phone: pick a child of the room, type what happened ("napped 12:30-2,
 * ate half her lunch"), send. The words are drafted into structured entries that wait in the
 * approvals queue; nothing is written to the platform from here.
 */
import type { Context, Hono } from "hono";
import { mayPostQuickLog, quickLogBodySchema, submitQuickLog } from "../drafting/index.js";
import { AppError } from "../errors/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { listChildren, listRooms } from "../storage/directory.js";
import { type Framed, frameFor, notFound } from "./frame.js";
import { CsrfField, centerPath, renderBare, renderPage } from "./layout.js";

export const quickLogPath = (centerId: string, roomId: string) =>
  `${centerPath(centerId)}/rooms/${encodeURIComponent(roomId)}/quick-log`;

type Ok = Extract<Framed, { ok: true }>;

export function registerQuickLogPage(app: Hono<AppEnv>, ctx: AppContext): void {
  const roomOf = (framed: Ok, roomId: string) =>
    listRooms(ctx.db, framed.center.id).find((r) => r.id === roomId);

  const render = (
    c: Context<AppEnv>,
    framed: Ok,
    room: { id: string; name: string },
    notice: { tone: "good" | "bad"; text: string } | null,
    status: 200 | 400 = 200,
    text = "",
  ) => {
    const children = listChildren(ctx.db, framed.center.id)
      .filter((ch) => ch.homeRoomId === room.id)
      .sort((a, b) => a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id));
    return renderPage(
      c,
      {
        ...framed.frame,
        title: `Quick log · ${room.name}`,
        children: (
          <>
            {notice ? (
              <p class={`notice ${notice.tone}`} role={notice.tone === "bad" ? "alert" : "status"}>
                {notice.text}
              </p>
            ) : null}
            <p class="muted">
              Your words are drafted into log entries (meals with amounts, diapers and toileting,
              naps with times, activities) that wait in{" "}
              <a href={centerPath(framed.center.id, "approvals")}>Approvals</a> until someone
              approves them; anything else becomes a note in your words. Nothing reaches the
              platform before that.
            </p>
            <form method="post" action={quickLogPath(framed.center.id, room.id)} class="stack">
              <CsrfField token={framed.frame.csrfToken} />
              <label for="ql-child">Child</label>
              <select id="ql-child" name="childId" required>
                {children.map((ch) => (
                  <option value={ch.id}>
                    {ch.firstName} {ch.lastName}
                  </option>
                ))}
              </select>
              <label for="ql-text">What happened</label>
              <textarea id="ql-text" name="text" rows={4} maxlength={4000} required>
                {text}
              </textarea>
              <button type="submit">Send for drafting</button>
            </form>
          </>
        ),
      },
      status,
    );
  };

  app.get("/centers/:centerId/rooms/:roomId/quick-log", (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const room = roomOf(framed, c.req.param("roomId"));
    if (!room) return notFound(c);
    if (!mayPostQuickLog(framed.principal, framed.center.id, room.id)) {
      return renderBare(
        c,
        403,
        "Not yours to log",
        "Only this room's lead teacher or a director may post quick logs here.",
      );
    }
    const queued = c.req.query("queued");
    return render(
      c,
      framed,
      room,
      queued
        ? {
            tone: "good",
            text: "Sent. It will wait in Approvals: the entries as a daily log, and anything that did not fit a meal, diaper, nap or activity as a note in your own words.",
          }
        : null,
    );
  });

  app.post("/centers/:centerId/rooms/:roomId/quick-log", async (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const room = roomOf(framed, c.req.param("roomId"));
    if (!room) return notFound(c);
    const form = await c.req.parseBody();
    const parsed = quickLogBodySchema.safeParse({
      childId: String(form.childId ?? ""),
      text: String(form.text ?? ""),
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? "text");
      const text =
        field === "childId" ? "Pick a child." : "Write what happened (up to 4,000 characters).";
      return render(c, framed, room, { tone: "bad", text }, 400, String(form.text ?? ""));
    }
    try {
      const { jobId } = submitQuickLog(
        ctx,
        framed.principal,
        framed.center.id,
        room.id,
        parsed.data,
      );
      return c.redirect(`${quickLogPath(framed.center.id, room.id)}?queued=${jobId}`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "forbidden") {
        return renderBare(
          c,
          403,
          "Not yours to log",
          "Only this room's lead teacher or a director may post quick logs here. Nothing was sent.",
        );
      }
      if (error.code === "not_found") {
        return render(
          c,
          framed,
          room,
          { tone: "bad", text: "That child is not in this room." },
          400,
          parsed.data.text,
        );
      }
      throw error;
    }
  });
}
