/**
 * @module sandbox/floor
 * The director's view of a day being planned: replays drafted events in order and asks the real
 * ratio evaluator (the center's rule pack, the same room input the live monitor builds), after every
 * event, whether each room the event touched is in ratio. The script uses it to staff the day so
 * that rooms fall out of ratio only where a scenario means them to.
 */
import { careRole } from "../compliance/room-input.js";
import { evaluateRoom, type Room, type RulePack } from "../rules/index.js";
import type { SandboxEventBody, SandboxEventKind } from "./events.js";
import type { SimCenter } from "./world.js";

export type Draft = SandboxEventBody & {
  /** Local seconds from midnight. */
  sod: number;
  /** Creation order, the last tie-breaker (fixes made later sort first: they go in before). */
  order: number;
};

/** At equal times: arrivals of staff before children, departures of children before staff. */
export const tiePriority: Record<SandboxEventKind, number> = {
  "staff.clocked_in": 0,
  "staff.break_ended": 1,
  "staff.assigned": 2,
  "child.checked_in": 3,
  "child.moved": 4,
  "incident.reported": 5,
  "child.pickup_attempted": 6,
  "child.checked_out": 7,
  "staff.break_started": 8,
  "staff.clocked_out": 9,
};

export const compareDrafts = (a: Draft, b: Draft) =>
  a.sod - b.sod || tiePriority[a.kind] - tiePriority[b.kind] || a.order - b.order;

/** Platform roles as the rule packs see them: exactly as the live monitor maps them. */
export { careRole };

export interface FloorState {
  /** child id → room id */
  children: Map<string, string>;
  staff: Map<string, { roomId: string | null; onBreak: boolean }>;
}

/** An event after which a room it touched is out of ratio (or a minor is its only adult). */
export interface Problem {
  index: number;
  sod: number;
  roomId: string;
  /** Counted staff short (at least 1). */
  short: number;
  draft: Draft;
}

/** A room and a time range in which being out of ratio is what a scenario means. */
export interface IntendedWindow {
  roomId: string;
  from: number;
  to: number;
}

export interface Stretch {
  roomId: string;
  from: number;
  /** null: still out of ratio at the end of the day. */
  to: number | null;
}

export interface RoomCheck {
  ok: boolean;
  short: number;
  counted: number;
  /** A counted, qualified teacher is among them (or the rule does not ask for one). */
  qualified: boolean;
}

export const emptyState = (): FloorState => ({ children: new Map(), staff: new Map() });

export const cloneState = (s: FloorState): FloorState => ({
  children: new Map(s.children),
  staff: new Map([...s.staff].map(([k, v]) => [k, { ...v }])),
});

export interface Floor {
  /** Applies one draft; returns the rooms it touched, or null when it is impossible there. */
  apply(state: FloorState, draft: Draft): string[] | null;
  /**
   * Whether a room is in ratio (and has an adult beside any minor), by how many counted staff it is
   * short, and how many count.
   */
  check(state: FloorState, roomId: string): RoomCheck;
  /**
   * Replays `drafts` (sorted) and lists the problems outside `windows`. With `first`, stops at the
   * first. An impossible draft is a problem of its own (roomId "").
   */
  problems(
    drafts: readonly Draft[],
    windows: readonly IntendedWindow[],
    options?: { first?: boolean; from?: { index: number; state: FloorState } },
  ): Problem[];
  /** The state just before `drafts[index]`. */
  stateBefore(drafts: readonly Draft[], index: number): FloorState;
  /** The state just before each of `drafts` (and after the last), for many look-ups. */
  snapshots(drafts: readonly Draft[]): FloorState[];
  /** Every stretch out of ratio (windows or not). */
  stretches(drafts: readonly Draft[]): Stretch[];
}

/** A floor for one center on one date; `pack` undefined: every room passes. */
export function createFloor(center: SimCenter, pack: RulePack | undefined, date: string): Floor {
  const at = new Date(`${date}T12:00:00Z`);
  const births = new Map(center.children.map((c) => [c.id, c.birthDate]));
  const people = new Map(
    center.staff.map((s) => {
      const role = careRole[s.role] ?? null;
      const years = (() => {
        const [by, bm, bd] = s.birthDate.split("-").map(Number) as [number, number, number];
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
      })();
      return [
        s.id,
        {
          role,
          birthDate: s.birthDate,
          minor: years < 18,
          expired: s.credentials
            .filter((c) => c.expiresOn !== null && c.expiresOn < date)
            .map((c) => c.type),
        },
      ] as const;
    }),
  );
  const memo = new Map<string, RoomCheck>();

  function check(state: FloorState, roomId: string): RoomCheck {
    const kids: string[] = [];
    for (const [child, room] of state.children) if (room === roomId) kids.push(child);
    const staff: string[] = [];
    for (const [id, s] of state.staff)
      if (s.roomId === roomId) staff.push(s.onBreak ? `${id}~` : id);
    kids.sort();
    staff.sort();
    const key = `${roomId}|${kids.join(",")}|${staff.join(",")}`;
    const known = memo.get(key);
    if (known) return known;

    const working = staff.filter((s) => !s.endsWith("~"));
    const adults = working.filter((s) => !people.get(s)?.minor);
    let result: RoomCheck = { ok: true, short: 0, counted: adults.length, qualified: true };
    if (working.length > adults.length && adults.length === 0) {
      result = { ok: false, short: 1, counted: 0, qualified: false };
    } else if (pack && kids.length > 0) {
      const room: Room = {
        napping: false,
        premisesAvailableStaff: 0,
        children: kids.map((id) => ({ id, birthDate: births.get(id) as string })),
        staff: staff.flatMap((entry) => {
          const id = entry.replace(/~$/, "");
          const p = people.get(id);
          if (!p || p.role === null) return [];
          return [
            {
              id,
              birthDate: p.birthDate,
              role: p.role,
              onBreak: entry.endsWith("~"),
              engagedInCare: p.role === "director" ? true : undefined,
              expiredCredentials: p.expired,
            },
          ];
        }),
      };
      const evaluation = evaluateRoom(pack, room, { at, localDate: date });
      if (!evaluation.ok) result = { ok: false, short: 1, counted: 0, qualified: false };
      else {
        const { compliant, staffShort, countedStaff, reasons } = evaluation.value;
        result = {
          ok: compliant,
          short: compliant ? 0 : Math.max(1, staffShort),
          counted: countedStaff,
          qualified: !reasons.some((r) => r.includes("qualified teacher")),
        };
      }
    }
    memo.set(key, result);
    return result;
  }

  function apply(state: FloorState, d: Draft): string[] | null {
    switch (d.kind) {
      case "child.checked_in":
        if (state.children.has(d.childId)) return null;
        state.children.set(d.childId, d.roomId);
        return [d.roomId];
      case "child.checked_out": {
        const room = state.children.get(d.childId);
        if (room === undefined) return null;
        state.children.delete(d.childId);
        return [room];
      }
      case "child.moved":
        if (state.children.get(d.childId) !== d.fromRoomId) return null;
        state.children.set(d.childId, d.toRoomId);
        return [d.fromRoomId, d.toRoomId];
      case "staff.clocked_in":
        if (state.staff.has(d.staffId)) return null;
        state.staff.set(d.staffId, { roomId: d.roomId, onBreak: false });
        return d.roomId === null ? [] : [d.roomId];
      case "staff.clocked_out": {
        const s = state.staff.get(d.staffId);
        if (!s) return null;
        state.staff.delete(d.staffId);
        return s.roomId === null ? [] : [s.roomId];
      }
      case "staff.break_started":
      case "staff.break_ended": {
        const s = state.staff.get(d.staffId);
        const starting = d.kind === "staff.break_started";
        if (!s || s.onBreak === starting) return null;
        s.onBreak = starting;
        return s.roomId === null ? [] : [s.roomId];
      }
      case "staff.assigned": {
        const s = state.staff.get(d.staffId);
        if (!s) return null;
        const from = s.roomId;
        s.roomId = d.roomId;
        return from === null ? [d.roomId] : [from, d.roomId];
      }
      default:
        return [];
    }
  }

  return {
    apply,
    check,
    problems(drafts, windows, options = {}) {
      const out: Problem[] = [];
      const state = options.from ? cloneState(options.from.state) : emptyState();
      for (let i = options.from?.index ?? 0; i < drafts.length; i++) {
        const d = drafts[i] as Draft;
        const touched = apply(state, d);
        if (touched === null) {
          out.push({ index: i, sod: d.sod, roomId: "", short: 1, draft: d });
          if (options.first) return out;
          continue;
        }
        for (const roomId of new Set(touched)) {
          const { ok, short } = check(state, roomId);
          if (ok) continue;
          if (windows.some((w) => w.roomId === roomId && d.sod >= w.from && d.sod < w.to)) continue;
          out.push({ index: i, sod: d.sod, roomId, short, draft: d });
          if (options.first) return out;
        }
      }
      return out;
    },
    stateBefore(drafts, index) {
      const state = emptyState();
      for (let i = 0; i < index; i++) apply(state, drafts[i] as Draft);
      return state;
    },
    snapshots(drafts) {
      const state = emptyState();
      const out: FloorState[] = [];
      for (const d of drafts) {
        out.push(cloneState(state));
        apply(state, d);
      }
      out.push(cloneState(state));
      return out;
    },
    stretches(drafts) {
      const state = emptyState();
      const open = new Map<string, number>();
      const out: Stretch[] = [];
      for (const d of drafts) {
        const touched = apply(state, d) ?? [];
        for (const roomId of new Set(touched)) {
          const ok = check(state, roomId).ok;
          const since = open.get(roomId);
          if (!ok && since === undefined) open.set(roomId, d.sod);
          if (ok && since !== undefined) {
            out.push({ roomId, from: since, to: d.sod });
            open.delete(roomId);
          }
        }
      }
      for (const [roomId, from] of open) out.push({ roomId, from, to: null });
      return out.sort((a, b) => a.from - b.from);
    },
  };
}
