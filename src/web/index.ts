/**
 * @module web
 * The director's web app: server-rendered pages (hono/jsx), no build step. The legacy open board
 * is at `/`; the signed-in pages live under `/centers/:centerId`.
 */
import type { Hono } from "hono";
import type { AppContext, AppEnv } from "../http/context.js";
import { registerAlertPages } from "./alerts-page.js";
import { registerApprovalActions } from "./approvals-actions.js";
import { registerApprovalPages } from "./approvals-page.js";
import { registerAuditPage } from "./audit-page.js";
import { registerBoardPage } from "./board-page.js";
import { registerDoorPages } from "./door-page.js";
import { registerDrillPage } from "./drill-page.js";
import { registerQuickLogPage } from "./quick-log-page.js";
import { registerReportsPage } from "./reports-page.js";
import { registerSettingsPage } from "./settings-page.js";
import { registerStaffPage } from "./staff-page.js";
import { registerStaffingPage } from "./staffing-page.js";
import { registerTimelinePage } from "./timeline-page.js";

export { canAct, canEditSettings, SIGN_IN_PATH, SIGN_OUT_PATH } from "./access.js";
export { registerBoard } from "./board.js";
export { streamTopics } from "./board-page.js";
export { CsrfField } from "./layout.js";

/** Every signed-in page and form post. Reads `principal` and `csrfToken` from the context. */
export function registerWebApp(app: Hono<AppEnv>, ctx: AppContext): void {
  registerBoardPage(app, ctx);
  registerApprovalActions(app, ctx);
  registerApprovalPages(app, ctx);
  registerAlertPages(app, ctx);
  registerDoorPages(app, ctx);
  registerTimelinePage(app, ctx);
  registerAuditPage(app, ctx);
  registerSettingsPage(app, ctx);
  registerStaffPage(app, ctx);
  registerStaffingPage(app, ctx);
  registerReportsPage(app, ctx);
  registerDrillPage(app, ctx);
  registerQuickLogPage(app, ctx);
}
