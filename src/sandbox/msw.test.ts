import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kt from "../platforms/kangarootime/wire.js";
import * as pc from "../platforms/procare/wire.js";
import { sandboxHandlers } from "./msw.js";
import { createSandbox } from "./sandbox.js";

const sb = createSandbox({ date: "2026-11-23" });
const server = setupServer(...sandboxHandlers(sb, "http://platform.test/"));
const auth = { authorization: "Bearer sandbox" };

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  sb.advanceTo(new Date("2026-11-23T17:30:00Z"));
});
afterAll(() => server.close());

describe("sandboxHandlers", () => {
  it("serves the fake APIs over fetch, as a platform client would call them", async () => {
    const res = await fetch(
      "http://platform.test/sandbox/procare/api/v1/attendance/current?center_id=center_001",
      {
        headers: auth,
      },
    );
    expect(res.status).toBe(200);
    const current = pc.currentAttendanceWire.parse(await res.json());
    expect(current.data.length).toBe(sb.truth("center_001").children.length);
    expect(current.data.length).toBeGreaterThan(0);

    const rooms = await fetch(
      "http://platform.test/sandbox/kangarootime/api/v1/centers/CTR_002/rooms",
      {
        headers: auth,
      },
    );
    expect(kt.page(kt.classWire).parse(await rooms.json()).items).toHaveLength(5);
    expect(rooms.headers.get("date")).toBe(sb.now().toUTCString());
  });

  it("keeps authentication and posts through msw", async () => {
    const denied = await fetch("http://platform.test/sandbox/kangarootime/api/v1/centers");
    expect(denied.status).toBe(401);
    const created = await fetch("http://platform.test/sandbox/kangarootime/api/v1/notes", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ center_id: "CTR_002", child_id: "CHLD_2003", text: "Hello" }),
    });
    expect(created.status).toBe(201);
    expect(sb.outbox().at(-1)).toMatchObject({ kind: "note", body: { text: "Hello" } });
  });
});
