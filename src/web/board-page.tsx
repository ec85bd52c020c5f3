/**
 * @module web/board-page
 * The signed-in room board for one center (live status, slack, forecast, open alerts with an
 * Acknowledge button), the center's SSE stream that every live page follows, and the redirects
 * that pick a center.
 */
import type { Context, Hono } from "hono";
import { raw } from "hono/html";
import { SignOutForm } from "../auth/index.js";
import type { Principal } from "../auth/principal.js";
import type { Center } from "../domain/index.js";
import { mayPostQuickLog } from "../drafting/index.js";
import type { AppContext, AppEnv } from "../http/context.js";
import { canProposeStaffing } from "../staff/plan-proposals.js";
import { canAct, visibleCenter, visibleCenters } from "./access.js";
import { appStyles, boardStyles } from "./assets.js";
import { type AckForms, CenterRooms, centerSummary, summaryLine } from "./board.js";
import { type MoveResult, moveResultSchema, registerBoardMoves } from "./board-moves.js";
import { CenterDeliveryNote } from "./delivery-note.js";
import { frameFor, notFound, signInRequired } from "./frame.js";
import { centerPath, renderBare, renderPage, type Section, sections } from "./layout.js";
import { boardClientStyles } from "./live-client.js";
import { liveStream } from "./live-stream.js";
import { quickLogPath } from "./quick-log-page.js";

/** The events a center's stream forwards, each as `{ centerId, … }`. */
export const streamTopics = ["rooms", "alerts", "approvals"] as const;

/** What the board says after a move's form post, in the director's words. */
const moveNotice: Record<MoveResult, { tone: "good" | "warn" | "bad"; text: string }> = {
  proposed: {
    tone: "good",
    text: "Move proposed: it waits in Approvals for a director's decision.",
  },
  exists: { tone: "good", text: "That move was already proposed; the existing approval was kept." },
  approved: { tone: "good", text: "Move approved." },
  executed: { tone: "good", text: "Move approved and sent to the platform." },
  queued: { tone: "good", text: "Move approved; it is being sent to the platform." },
  failed: {
    tone: "bad",
    text: "Move approved, but sending it to the platform failed; see the approval.",
  },
  changed: {
    tone: "warn",
    text: "The suggestion changed since you saw it, so nothing was approved. Check the new one below.",
  },
  gone: {
    tone: "warn",
    text: "That move is no longer suggested (the room changed). Nothing was done.",
  },
  forbidden: { tone: "bad", text: "Your role cannot do that here. Nothing was done." },
  decided: { tone: "warn", text: "That move's approval was already decided." },
  bad_request: { tone: "bad", text: "The form was incomplete. Nothing was done." },
};

function MoveNotice({
  result,
  approvalId,
  centerId,
}: {
  result: MoveResult;
  approvalId?: string;
  centerId: string;
}) {
  const { tone, text } = moveNotice[result];
  return (
    <p class={`notice ${tone}`} role="status" data-move-result={result}>
      {text}
      {approvalId && /^\d+$/.test(approvalId) ? (
        <>
          {" "}
          <a href={`${centerPath(centerId, "approvals")}/${approvalId}`}>
            View approval #{approvalId}
          </a>
        </>
      ) : null}
    </p>
  );
}

const quickLogLink = (principal: Principal, centerId: string) => (roomId: string) =>
  mayPostQuickLog(principal, centerId, roomId) ? quickLogPath(centerId, roomId) : undefined;

/** The board's forms for the viewer: Acknowledge and Propose for those who may act. */
function boardForms(principal: Principal, centerId: string, csrfToken: string | undefined) {
  const forms: AckForms = {
    centerId,
    csrfToken,
    mayApprove: canProposeStaffing(principal, centerId),
    actor: principal.actor,
  };
  return canAct(principal, centerId) ? forms : undefined;
}

/** The center list a person with several centers lands on, each with its one-line summary. */
function renderCenterList(c: Context<AppEnv>, ctx: AppContext, centers: readonly Center[]) {
  const principal = c.get("principal");
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Your centers · Centerline</title>
        <style>{raw(boardStyles + appStyles + boardClientStyles)}</style>
      </head>
      <body>
        <header class="top">
          <span class="brand">Centerline</span>
          <SignOutForm token={c.get("csrfToken")} name={principal.name} />
        </header>
        <main id="main">
          <h1>Your centers</h1>
          <ul class="center-list">
            {centers.map((center) => {
              const summary = centerSummary(ctx.db, center.id);
              const trouble = summary.outOfRatio + summary.holds > 0;
              return (
                <li data-center-link={center.id}>
                  <a href={centerPath(center.id)}>{center.name}</a>{" "}
                  <span
                    class={`summary ${trouble ? "trouble" : summary.atLimit > 0 ? "limit" : "calm"}`}
                  >
                    {summaryLine(summary)}
                  </span>
                </li>
              );
            })}
          </ul>
          <p>
            <a href="/">Open room board of every center</a>
          </p>
        </main>
      </body>
    </html>
  );
  return c.html(`<!doctype html>${page.toString()}`);
}

export function registerBoardPage(app: Hono<AppEnv>, ctx: AppContext): void {
  /** The board's live region: what the page shows first and what each refresh swaps in. */
  const boardContent = (c: Context<AppEnv>, principal: Principal, center: Center) => (
    <>
      <CenterDeliveryNote db={ctx.db} center={center} now={ctx.wallClock()} />
      <CenterRooms
        db={ctx.db}
        center={center}
        asOf={ctx.clock()}
        ack={boardForms(principal, center.id, c.get("csrfToken"))}
        quickLog={quickLogLink(principal, center.id)}
        doorHref={centerPath(center.id, "door")}
        approvalsHref={centerPath(center.id, "approvals")}
      />
    </>
  );

  registerBoardMoves(app, ctx);

  // Where sign-in lands: the one center's board, or the list of several.
  app.get("/centers", (c) => {
    const principal = c.get("principal");
    if (!principal) return signInRequired(c);
    const centers = visibleCenters(ctx.db, principal);
    const first = centers[0];
    if (!first) return renderBare(c, 404, "No centers", "Your account has no center to show yet.");
    if (centers.length === 1) return c.redirect(centerPath(first.id), 303);
    return renderCenterList(c, ctx, centers);
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
    const move = moveResultSchema.safeParse(c.req.query("move"));
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
          {move.success ? (
            <MoveNotice
              result={move.data}
              approvalId={c.req.query("approval")}
              centerId={center.id}
            />
          ) : null}
          <p class="muted center-meta">
            {center.jurisdiction} · {center.provider}
          </p>
          <div
            data-live="rooms alerts approvals"
            data-live-url={fragment}
            data-live-every="5"
            data-center={center.id}
          >
            {boardContent(c, principal, center)}
          </div>
        </>
      ),
    });
  });

  app.get("/centers/:centerId/board/fragment", (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const { center, principal } = framed;
    return c.html(boardContent(c, principal, center));
  });

  app.get("/centers/:centerId/stream", (c) => {
    const framed = frameFor(c, ctx, "board");
    if (!framed.ok) return framed.response;
    const centerId = framed.center.id;
    return liveStream(c, ctx.lifecycle, (send) => {
      const listeners = streamTopics.map((topic) => {
        const listener = (change: { centerId: string }) => {
          if (change.centerId === centerId) send(topic, JSON.stringify({ centerId }));
        };
        ctx.events.on(topic, listener);
        return [topic, listener] as const;
      });
      return () => {
        for (const [topic, listener] of listeners) ctx.events.off(topic, listener);
      };
    });
  });
}
