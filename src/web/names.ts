/**
 * @module web/names
 * Ids in a director's words: who an actor is ("Avery Chen", "Centerline (alerts)"), what a
 * subject or cause names ("Sofia Reyes", "a Procare check-in"). Pages show these; the ids stay
 * in the API and behind each page's details toggle. Roles that may not see names get "a child"
 * or "a staff member" instead.
 */
import type { Role } from "../auth/principal.js";
import type { Store } from "../storage/db.js";
import { listChildren, listFamilies, listRooms, listStaff } from "../storage/directory.js";
import { listUsers } from "../storage/users.js";

/** Roles that see children's and staff's names (the same rule as the MCP server's). */
export const roleSeesNames = (role: Role | undefined): boolean =>
  role === "director" || role === "assistant_director" || role === "lead_teacher";

const systemWords: Record<string, string> = {
  alerts: "Centerline (alerts)",
  approvals: "Centerline (approvals)",
  outbox: "Centerline (sending)",
  door: "Centerline (at the door)",
  sync: "Centerline (platform sync)",
  drafting: "Centerline (drafting)",
};

const platformWords: Record<string, string> = {
  procare: "Procare",
  kangarootime: "Kangarootime",
  sandbox: "the sandbox",
  reconcile: "a reconciliation",
};

export interface NameBook {
  /** `user:usr_1` → "Avery Chen"; `system:alerts` → "Centerline (alerts)"; `agent:…` → "the drafting model". */
  actor(actor: string): string;
  /** A child, family, staff member, room or user id (bare or `kind:id`) → a name, or null. */
  person(id: string): string | null;
  /** A subject as a page shows it: a name, or words for a record ("approval 12"). */
  subject(subject: string | null): string;
  /** An event id that caused something (`procare:evt_…`) → "a Procare event". */
  cause(cause: string | null): string;
  /** Actor ids whose display name contains `text` (case-insensitive): a name search. */
  actorsNamed(text: string): string[];
}

/** The center's people and rooms, read once per page. */
export function nameBook(db: Store, centerId: string, role: Role | undefined): NameBook {
  const names = roleSeesNames(role);
  const people = new Map<string, string>();
  for (const c of listChildren(db, centerId)) {
    people.set(c.id, names ? `${c.firstName} ${c.lastName}` : "a child");
  }
  for (const f of listFamilies(db, centerId)) {
    const family = /\bfamily$/i.test(f.name) ? f.name : `${f.name} family`;
    people.set(f.id, names ? family : "a family");
  }
  for (const s of listStaff(db, centerId)) {
    people.set(s.id, names ? `${s.firstName} ${s.lastName}` : "a staff member");
  }
  for (const r of listRooms(db, centerId)) people.set(r.id, r.name);
  const users = new Map(listUsers(db).map((u) => [`user:${u.id}`, u.name]));

  const person = (id: string): string | null => {
    const bare = id.includes(":") ? id.slice(id.indexOf(":") + 1) : id;
    return people.get(bare) ?? users.get(id) ?? users.get(`user:${bare}`) ?? null;
  };

  const actor = (a: string): string => {
    // Acknowledgements store "user:usr_1 (Avery Chen)": the name the person had then.
    const named = /^\S+ \((.+)\)$/.exec(a);
    if (named?.[1]) return named[1];
    const user = users.get(a);
    if (user) return user;
    const [kind, rest = ""] = a.split(":", 2);
    if (kind === "system") return systemWords[rest] ?? `Centerline (${rest.replaceAll("-", " ")})`;
    if (kind === "agent") return "the drafting model";
    if (kind === "token") return "an API token";
    if (a === "bootstrap") return "the set-up token";
    return a;
  };

  const subject = (s: string | null): string => {
    if (!s) return "—";
    const name = person(s);
    if (name) return name;
    const [kind, rest] = s.split(":", 2);
    if (rest === undefined) return s;
    if (kind === "center") return "the whole center";
    return `${kind?.replaceAll("_", " ")} ${rest}`;
  };

  const cause = (c: string | null): string => {
    if (!c) return "—";
    const [source] = c.split(":", 1);
    const platform = source ? platformWords[source] : undefined;
    return platform ? `a ${platform} event` : "a recorded event";
  };

  const actorsNamed = (text: string): string[] => {
    const needle = text.trim().toLowerCase();
    if (needle.length < 2) return [];
    return [...users].filter(([, n]) => n.toLowerCase().includes(needle)).map(([id]) => id);
  };

  return { actor, person, subject, cause, actorsNamed };
}
