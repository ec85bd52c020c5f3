/**
 * @module web/layout
 * The frame every signed-in page shares: a skip link, the center switcher (only centers the
 * principal may see), the section nav, who is signed in with their role, and a sign-out form.
 */
import type { Context } from "hono";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Principal } from "../auth/principal.js";
import type { Center } from "../domain/index.js";
import type { AppEnv } from "../http/context.js";
import { roleAt, roleLabel, SIGN_IN_PATH, SIGN_OUT_PATH } from "./access.js";
import { appScript, appStyles, boardStyles } from "./assets.js";
import { type HoldBannerItem, HoldBannerSlot, holdStyles, mayReleaseHolds } from "./hold-banner.js";
import { boardClientStyles } from "./live-client.js";

export const sections = [
  { id: "board", label: "Board", path: "" },
  { id: "approvals", label: "Approvals", path: "/approvals" },
  { id: "alerts", label: "Alerts", path: "/alerts" },
  { id: "door", label: "At the door", path: "/door" },
  { id: "patterns", label: "Patterns", path: "/patterns" },
  { id: "timeline", label: "Timeline", path: "/timeline" },
  { id: "audit", label: "Audit", path: "/audit" },
  { id: "staff", label: "Staff", path: "/staff" },
  { id: "staffing", label: "Staffing plan", path: "/staffing" },
  { id: "reports", label: "Reports", path: "/reports" },
  { id: "drills", label: "Drill", path: "/drills" },
  { id: "settings", label: "Settings", path: "/settings" },
] as const;
export type Section = (typeof sections)[number]["id"];

export const centerPath = (centerId: string, section: Section = "board") =>
  `/centers/${encodeURIComponent(centerId)}${sections.find((s) => s.id === section)?.path ?? ""}`;

/**
 * The hidden CSRF field every form post carries. The token comes from the session (the sign-in
 * middleware sets `csrfToken`); the same middleware checks it on the way back in.
 */
export function CsrfField({ token }: { token: string | undefined }) {
  return <input type="hidden" name="_csrf" value={token ?? ""} />;
}

/**
 * Tables marked `cards` become one card per row on a phone, each cell under its column's name
 * (`data-label`), so nothing is cut off and the page never scrolls sideways. Long words (ids in
 * details, URLs) wrap instead of widening the page.
 */
const cardStyles = `
main { min-width: 0; overflow-wrap: anywhere; }
details > summary { cursor: pointer; min-height: 32px; }
table.facts-table { font-size: .85rem; }
table.facts-table th { width: 30%; background: #f5f6f8; }
table.facts-table ul { margin: 0; padding-left: 1.1rem; }
fieldset.entry { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0 .75rem; }
fieldset.entry legend { grid-column: 1 / -1; }
@media (max-width: 640px) {
  table.cards, table.cards tbody, table.cards tr, table.cards td, table.cards tbody th { display: block; width: auto; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.cards caption { display: block; text-align: left; }
  table.cards tr { border: 1px solid #d8dce3; border-radius: 8px; margin: 0 0 .6rem; padding: .35rem .6rem; background: #fff; }
  table.cards td, table.cards tbody th { border: 0; padding: .15rem 0; background: none; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: #3a4350; }
  table.facts-table th { width: auto; }
}
`;

export interface PageFrame {
  principal: Principal;
  centers: readonly Center[];
  center: Center;
  section: Section;
  title: string;
  csrfToken: string | undefined;
  /** SSE stream the page's `[data-live]` regions follow. */
  stream?: string;
  /** The center's open pick-up holds: the critical banner under the header. */
  holds?: readonly HoldBannerItem[];
  children?: Child;
}

function Document({
  title,
  stream,
  children,
}: {
  title: string;
  stream?: string;
  children: Child;
}) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title} · Centerline</title>
        <style>{raw(boardStyles + appStyles + boardClientStyles + holdStyles + cardStyles)}</style>
      </head>
      <body data-stream={stream}>
        {children}
        {stream ? <script>{raw(appScript)}</script> : null}
      </body>
    </html>
  );
}

export function Layout(frame: PageFrame) {
  const { principal, center, section } = frame;
  const role = roleAt(principal, center.id);
  return (
    <Document title={`${frame.title} — ${center.name}`} stream={frame.stream}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={centerPath(center.id)}>
          Centerline
        </a>
        <form class="switcher" method="get" action="/centers/switch">
          <label for="center-switch" class="inline">
            Center
          </label>
          <select id="center-switch" name="center">
            {frame.centers.map((c) => (
              <option value={c.id} selected={c.id === center.id}>
                {c.name}
              </option>
            ))}
          </select>
          <input type="hidden" name="section" value={section} />
          <button type="submit">Go</button>
        </form>
        <span class="who" data-principal={principal.actor}>
          {principal.name} · {role ? roleLabel[role] : "no role here"}
        </span>
        <form method="post" action={SIGN_OUT_PATH}>
          <CsrfField token={frame.csrfToken} />
          <button type="submit">Sign out</button>
        </form>
      </header>
      <HoldBannerSlot
        items={frame.holds ?? []}
        doorHref={centerPath(center.id, "door")}
        canRelease={mayReleaseHolds(principal, center.id)}
        fragmentUrl={`${centerPath(center.id, "door")}/banner`}
      />
      <nav class="sections" aria-label="Sections">
        <ul>
          {sections.map((s) => (
            <li>
              <a
                href={centerPath(center.id, s.id)}
                aria-current={s.id === section ? "page" : undefined}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">
        <h1>
          {frame.title} <small class="muted">{center.name}</small>
        </h1>
        {frame.stream ? (
          <p class="live">
            <span id="live">connecting…</span> <span id="live-updated" class="muted" />
          </p>
        ) : null}
        {frame.children}
      </main>
    </Document>
  );
}

export function renderPage(c: Context<AppEnv>, frame: PageFrame, status: 200 | 400 | 409 = 200) {
  return c.html(`<!doctype html>${(<Layout {...frame} />).toString()}`, status);
}

/** A bare page for when there is no center to frame it (not signed in, nothing visible, 404). */
export function renderBare(
  c: Context<AppEnv>,
  status: 401 | 403 | 404,
  title: string,
  message: string,
) {
  const body = (
    <Document title={title}>
      <main id="main">
        <h1>{title}</h1>
        <p>{message}</p>
        {status === 401 ? (
          <p>
            <a class="button" href={SIGN_IN_PATH}>
              Sign in
            </a>
          </p>
        ) : (
          <p>
            <a href="/centers">Your centers</a>
          </p>
        )}
      </main>
    </Document>
  );
  return c.html(`<!doctype html>${body.toString()}`, status);
}
