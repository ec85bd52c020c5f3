/**
 * @module sync/diff
 * Pure comparison of live presence with a platform's snapshot. Each difference becomes a synthetic
 * event stamped with the snapshot time, so it goes through the same projection as a webhook and
 * can never overwrite something we heard about after the snapshot was taken.
 */
import type { DomainEvent, PresenceSnapshot } from "../domain/index.js";
import type { Presence } from "../live/project.js";

export interface Drift {
  subjectKind: "child" | "staff";
  subjectId: string;
  found: { present: boolean; roomId: string | null; onBreak?: boolean };
  platform: { present: boolean; roomId: string | null; onBreak?: boolean };
  events: DomainEvent[];
}

export function diffPresence(snapshot: PresenceSnapshot, live: readonly Presence[]): Drift[] {
  const at = new Date(snapshot.asOf).toISOString();
  const centerId = snapshot.centerId;
  const ours = new Map(live.map((p) => [`${p.subjectKind}:${p.subjectId}`, p]));
  const drifts: Drift[] = [];
  const seen = new Set<string>();

  for (const c of snapshot.children) {
    seen.add(`child:${c.childId}`);
    const p = ours.get(`child:${c.childId}`);
    const found = { present: p?.present ?? false, roomId: p?.present ? p.roomId : null };
    if (found.present && found.roomId === c.roomId) continue;
    drifts.push({
      subjectKind: "child",
      subjectId: c.childId,
      found,
      platform: { present: true, roomId: c.roomId },
      events: [
        found.present
          ? {
              type: "child.moved",
              centerId,
              occurredAt: at,
              childId: c.childId,
              toRoomId: c.roomId,
            }
          : {
              type: "child.checked_in",
              centerId,
              occurredAt: at,
              childId: c.childId,
              roomId: c.roomId,
            },
      ],
    });
  }

  for (const s of snapshot.staff) {
    seen.add(`staff:${s.staffId}`);
    const p = ours.get(`staff:${s.staffId}`);
    const found = {
      present: p?.present ?? false,
      roomId: p?.present ? p.roomId : null,
      onBreak: p?.present ? p.onBreak : false,
    };
    const events: DomainEvent[] = [];
    if (!found.present) {
      events.push({
        type: "staff.clocked_in",
        centerId,
        occurredAt: at,
        staffId: s.staffId,
        roomId: s.roomId,
      });
    } else if (s.roomId !== null && found.roomId !== s.roomId) {
      events.push({
        type: "staff.assigned",
        centerId,
        occurredAt: at,
        staffId: s.staffId,
        roomId: s.roomId,
      });
    }
    if (s.onBreak !== (found.present ? found.onBreak : false)) {
      events.push({
        type: s.onBreak ? "staff.break_started" : "staff.break_ended",
        centerId,
        occurredAt: at,
        staffId: s.staffId,
      });
    }
    if (events.length === 0) continue;
    drifts.push({
      subjectKind: "staff",
      subjectId: s.staffId,
      found,
      platform: { present: true, roomId: s.roomId, onBreak: s.onBreak },
      events,
    });
  }

  for (const p of live) {
    const key = `${p.subjectKind}:${p.subjectId}`;
    // Staff clocked in without a room do not appear on any room roster, so absence says nothing.
    if (seen.has(key) || !p.present || p.roomId === null) continue;
    drifts.push({
      subjectKind: p.subjectKind,
      subjectId: p.subjectId,
      found: { present: true, roomId: p.roomId },
      platform: { present: false, roomId: null },
      events: [
        p.subjectKind === "child"
          ? {
              type: "child.checked_out",
              centerId,
              occurredAt: at,
              childId: p.subjectId,
              pickedUpBy: null,
            }
          : { type: "staff.clocked_out", centerId, occurredAt: at, staffId: p.subjectId },
      ],
    });
  }
  return drifts;
}
