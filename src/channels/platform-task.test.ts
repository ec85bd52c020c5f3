import { describe, expect, it, vi } from "vitest";
import { createAlertEngine } from "../alerts/engine.js";
import { CENTER, change, minutes, testPolicy } from "../alerts/fixtures.js";
import { AppError } from "../errors/index.js";
import { silentLogger } from "../logging/index.js";
import type { PlatformClient } from "../platforms/types.js";
import { getAlert } from "../storage/alerts.js";
import { openDatabase } from "../storage/db.js";
import { listOutbox } from "../storage/outbox.js";
import { createInAppSender } from "./in-app.js";
import { createPlatformTaskSender } from "./platform-task.js";

function fakeClient(createTask: PlatformClient["createTask"]): PlatformClient {
  const unused = () => Promise.reject(new Error("not used"));
  return {
    provider: "procare",
    listCenters: unused,
    fetchDirectory: unused,
    fetchShifts: unused,
    fetchPresence: unused,
    createTask,
    createNote: unused,
    sendFamilyMessage: unused,
    createDailyLog: unused,
    assignStaff: unused,
    correctTimecard: unused,
  };
}

/** An approaching alert's rows: in-app and a task for the lead teacher. */
function approachingRows() {
  const db = openDatabase(":memory:");
  const engine = createAlertEngine({
    db,
    logger: silentLogger,
    clock: () => minutes(0),
    wallClock: () => minutes(0),
    policyFor: () => testPolicy(),
  });
  engine.onStatusChange(change("approaching", minutes(0)));
  const rows = listOutbox(db);
  const task = rows.find((r) => r.channel === "task")!;
  const inApp = rows.find((r) => r.channel === "in_app")!;
  return { db, task, inApp };
}

describe("platform task sender", () => {
  it("creates a task for the role, with the counts and no names", async () => {
    const { task } = approachingRows();
    const createTask = vi.fn(async () => ({ id: "task_9" }));
    const send = createPlatformTaskSender({ platformFor: () => fakeClient(createTask) });
    expect(await send(task)).toEqual({ ok: true, summary: "procare task task_9" });
    expect(createTask).toHaveBeenCalledWith(
      expect.objectContaining({
        centerId: CENTER,
        title: "Approaching ratio: Toddler A",
        assignedTo: "lead_teacher",
        dueDate: null,
        // The outbox row's key, so a retry after a lost reply cannot create a second task.
        idempotencyKey: task.idempotencyKey,
      }),
    );
    const [input] = createTask.mock.calls[0] as unknown as [{ description: string }];
    expect(input.description).toContain("4 children / 1 of 1 staff");
  });

  it("retries platform 5xx and network errors, not 4xx", async () => {
    const { task } = approachingRows();
    const failing = (status: number | null) =>
      createPlatformTaskSender({
        platformFor: () =>
          fakeClient(() =>
            Promise.reject(new AppError("platform_error", `HTTP ${status}`, { status })),
          ),
      });
    expect(await failing(503)(task)).toMatchObject({ ok: false, retryable: true });
    expect(await failing(null)(task)).toMatchObject({ ok: false, retryable: true });
    expect(await failing(422)(task)).toMatchObject({ ok: false, retryable: false });
  });
});

describe("in-app sender", () => {
  it("marks the alert delivered to the board and reports it", async () => {
    const { db, inApp } = approachingRows();
    const delivered: unknown[] = [];
    const send = createInAppSender({
      db,
      wallClock: () => new Date("2026-11-23T15:00:01.000Z"),
      onDelivered: (d) => delivered.push(d),
    });
    expect((await send(inApp)).ok).toBe(true);
    expect(getAlert(db, inApp.alertId!)?.inAppDeliveredAt).toBe("2026-11-23T15:00:01.000Z");
    expect(delivered).toEqual([{ centerId: CENTER, alertId: inApp.alertId, event: "opened" }]);
  });

  it("refreshes the board for a pick-up hold's in-app row, and refuses a row about nothing", async () => {
    const { db, inApp } = approachingRows();
    const delivered: unknown[] = [];
    const send = createInAppSender({
      db,
      wallClock: () => new Date("2026-11-23T15:00:01.000Z"),
      onDelivered: (d) => delivered.push(d),
    });
    const hold = { ...inApp, alertId: null, idempotencyKey: "pickup-hold:4:in_app:board" };
    expect(await send(hold)).toEqual({ ok: true, summary: "on the board (pick-up hold #4)" });
    expect(delivered).toEqual([
      { centerId: CENTER, alertId: null, holdId: 4, event: "hold_opened" },
    ]);
    expect(await send({ ...hold, idempotencyKey: "other:1" })).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});
