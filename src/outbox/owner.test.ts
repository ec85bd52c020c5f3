import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isOrphanedOwner, newOwner, registerOwner } from "./owner.js";

const UUID = "0b3f0c1e-8d0a-4c55-9a53-4f9e2f0e7a11";

describe("lease owners", () => {
  it("knows a process on this host that is gone from one that runs or lives elsewhere", () => {
    // A pid that existed and has exited.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    expect(isOrphanedOwner(`web-1:${gone}:${UUID}`, "web-1", process.pid)).toBe(true);
    // The parent of this process runs.
    expect(isOrphanedOwner(`web-1:${process.ppid}:${UUID}`, "web-1", process.pid)).toBe(false);
    // Another host: its lease decides.
    expect(isOrphanedOwner(`web-2:${gone}:${UUID}`, "web-1", process.pid)).toBe(false);
    // Not an owner this service writes.
    expect(isOrphanedOwner("dead", "web-1", process.pid)).toBe(false);
  });

  it("treats this pid under an id no live worker has as a process before a restart", () => {
    const mine = newOwner();
    registerOwner(mine);
    const [host, pid] = mine.split(":") as [string, string];
    expect(isOrphanedOwner(mine, host, Number(pid))).toBe(false);
    expect(isOrphanedOwner(`${host}:${pid}:${UUID}`, host, Number(pid))).toBe(true);
  });
});
