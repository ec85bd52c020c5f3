/**
 * @module outbox/owner
 * Who holds a lease: `host:pid:uuid`. A row held by a process that no longer exists on this host
 * is orphaned and can be taken back at once, instead of after its lease runs out.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** The owners of the workers alive in this process (a pid can be reused after a restart). */
const liveHere = new Set<string>();

export function newOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

export function registerOwner(owner: string): void {
  liveHere.add(owner);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * True when `owner` names a process on this host that is gone: another pid that no longer runs,
 * or this pid under an id no live worker here has (the process before a restart that reused it).
 * Owners on other hosts, or in another format, are left to their lease.
 */
export function isOrphanedOwner(owner: string, host = hostname(), pid = process.pid): boolean {
  const match = /^(.*):(\d+):([0-9a-f-]{36})$/.exec(owner);
  if (!match || match[1] !== host) return false;
  const ownerPid = Number(match[2]);
  if (ownerPid === pid) return !liveHere.has(owner);
  return !processExists(ownerPid);
}
