/**
 * @module web/board-page
 * The signed-in room board for one center (live status, slack, forecast, open alerts with an
 * Acknowledge button), the center's SSE stream that every live page follows, and the redirects
 * that pick a center.
 */
import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Principal } from "../auth/principal.js";
import { mayPostQuickLog } from "../drafting/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { canAct, visibleCenter, visibleCenters } from "./access.js";
import { CenterRooms } from "./board.js";
import { CenterDeliveryNote } from "./delivery-note.js";
import { frameFor, notFound, signInRequired } from "./frame.js";
import { centerPath, renderBare, renderPage, type Section, sections } from "./layout.js";
import { quickLogPath } from "./quick-log-page.js";

/** The events a center's stream forwards, each as `{ centerId, … }`. */
export const streamTopics = ["rooms", "alerts", "approvals"] as const;

const quickLogLink = (principal: Principal, centerId: string) => (roomId: string) =>
  mayPostQuickLog(principal, centerId, roomId) ? quickLogPath(centerId, roomId) : undefined;

export function registerBoardPage(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get("/centers", (c) => {
    const principal = c.get("principal");
    if (!principal) return signInRequired(c);
    const first = visibleCenters(ctx.db, principal)[0];
    if (!first) return renderBare(c, 404, "No centers", "Your account has no center to show yet.");
    return c.redirect(centerPath(first.id), 303);
  });

  app.get("/centers/switch", (c) => {
    const principal = c.get("principal");
    if (!principal) return signInRequired(c);
    const center = visibleCenter(ctx.db, principal, c.req.query("center") ?? "");
    if (!center) return notFound(c);
    const section = sections.find((s) => s.id === c.req.query("section"))?.id ?? "board";
    return c.redirect(centerPath(center.id, section as Section), 303);
  });

  app.get("/centers/:centerId", (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    const ack = c.req.query("ack");
    const fragment = `${centerPath(center.id)}/board/fragment`;
    return renderPage(c, {
      ...framed.frame,
      title: "Room board",
      stream: `${centerPath(center.id)}/stream`,
      children: (
        <>
          {ack === "forbidden" ? (
            <p class="notice bad" role="status">
              Your role cannot acknowledge alerts.
            </p>
          ) : ack === "gone" ? (
            <p class="notice warn" role="status">
              That alert is no longer open.
            </p>
          ) : ack ? (
            <p class="notice good" role="status" data-acked={ack}>
              Alert #{ack} acknowledged: its escalation is stopped at this severity.
            </p>
          ) : null}
          <p class="muted">
            {center.jurisdiction} · {center.provider}
          </p>
          <div data-live="rooms alerts" data-live-url={fragment} data-center={center.id}>
            <CenterDeliveryNote db={ctx.db} center={center} now={ctx.wallClock()} />
            <CenterRooms
              db={ctx.db}
              center={center}
              asOf={ctx.clock()}
              ack={
                canAct(principal, center.id)
                  ? { centerId: center.id, csrfToken: c.get("csrfToken") }
                  : undefined
              }
              quickLog={quickLogLink(principal, center.id)}
            />
          </div>
        </>
      ),
    });
  });

  app.get("/centers/:centerId/board/fragment", (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    return c.html(
      <>
        <CenterDeliveryNote db={ctx.db} center={center} now={ctx.wallClock()} />
        <CenterRooms
          db={ctx.db}
          center={center}
          asOf={ctx.clock()}
          ack={
            canAct(principal, center.id)
              ? { centerId: center.id, csrfToken: c.get("csrfToken") }
              : undefined
          }
          quickLog={quickLogLink(principal, center.id)}
        />
      </>,
    );
  });

  app.get("/centers/:centerId/stream", (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const centerId = framed.center.id;
    return streamSSE(c, async (stream) => {
      const listeners = streamTopics.map((topic) => {
        const listener = (change: { centerId: string }) => {
          if (change.centerId !== centerId) return;
          void stream.writeSSE({ event: topic, data: JSON.stringify({ centerId }) });
        };
        ctx.events.on(topic, listener);
        return [topic, listener] as const;
      });
      stream.onAbort(() => {
        for (const [topic, listener] of listeners) ctx.events.off(topic, listener);
      });
      await stream.writeSSE({ event: "hello", data: "{}" });
      while (!stream.aborted) {
        await stream.sleep(15_000);
        await stream.writeSSE({ event: "ping", data: "{}" });
      }
    });
  });
}
