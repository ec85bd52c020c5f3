/**
 * @module agent/pseudonymize
 * Personal data never reaches the model in clear. Before each request every name, phone number,
 * e-mail and street address of the center's children, guardians, authorized pick-ups and staff
 * is replaced by a stable token; tokens in what the model writes are restored before a handler
 * runs, so drafts are stored in clear.
 *
 * Tokens: `CHILD_n`, `GUARDIAN_n`, `PICKUP_n`, `STAFF_n` per person (from the full name, or the
 * first name alone when no one else at the center shares it), `NAME_n` for a surname or a shared
 * first name on its own, `PHONE_n`, `EMAIL_n`, `ADDRESS_n`. Numbers follow id order, so the same
 * directory gives the same tokens in every run. Any other phone number or e-mail address in the
 * text (a number typed into an incident report) is masked too, numbered in order of appearance.
 *
 * Restoring: a person token becomes the child's first name (family messages speak of children by
 * first name) or the adult's full name; every other token becomes exactly the text it replaced.
 * Only tokens this pseudonymizer issued (put into text it masked, i.e. showed the model in this
 * run) are restored: `unissued` names any other, and the loop refuses a call that uses one, so a
 * made-up `PHONE_77` can never turn into somebody's phone number.
 *
 * Every person token knows the family it belongs to (children, guardians and pick-ups; staff have
 * none), so `otherFamilies` can tell when a family's message names someone of another family.
 *
 * `createPseudonymizer` is pure; `loadPeople` reads the directory for it.
 */
import { listFamilies } from "../storage/agent.js";
import type { Store } from "../storage/db.js";
import { listChildren, listStaff } from "../storage/directory.js";

export interface Person {
  kind: "CHILD" | "GUARDIAN" | "PICKUP" | "STAFF";
  firstName: string;
  lastName: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  /** The family a child, guardian or pick-up person belongs to; null for staff. */
  familyId?: string | null;
}

export interface Pseudonymizer {
  /** Replaces personal data in `text` with tokens. */
  mask(text: string): string;
  /** Replaces tokens in every string inside `value` (deeply) with the real text. */
  restore<T>(value: T): T;
  /** Tokens in `value` (deeply) that this run never showed the model. */
  unissued(value: unknown): string[];
  /**
   * Who in `text` belongs to a family other than `familyId`, as tokens: tokens in it, and clear
   * names, phones and e-mails masking would turn into one. Capitalized names only, so "will" is
   * not a child named Will. Pass the model's text and its restored form: a child's token restores
   * to a first name another child may share.
   */
  otherFamilies(text: string, familyId: string): string[];
  /** The tokens in use, token → real text (for tests and debugging; never sent). */
  readonly table: ReadonlyMap<string, string>;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// North American numbers (3-3-4 digits, optional +1 and parentheses) and any +country number.
// Grouped this way so dates and times ("2026-11-23 12:10") never look like a phone.
const PHONE =
  /(?<![\w+(])(?:(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}|\+\d{1,3}(?:[\s.-]?\d{2,4}){2,5})(?![\w-])/g;
const ADDRESS =
  /\b\d{1,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle)\b/g;
const TOKEN = /\b(?:CHILD|GUARDIAN|PICKUP|STAFF|NAME|PHONE|EMAIL|ADDRESS)_\d+\b/g;

const digits = (s: string) => s.replace(/\D/g, "").slice(-10);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const clean = (s: string) => s.trim().replace(/\s+/g, " ");

export function createPseudonymizer(people: readonly Person[]): Pseudonymizer {
  const table = new Map<string, string>();
  const issued = new Set<string>();
  /** token → the family its person belongs to. */
  const owner = new Map<string, string>();
  /** lower-cased text → token, for names and addresses. */
  const byText = new Map<string, string>();
  const byPhone = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const counters = new Map<string, number>();
  const next = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}_${n}`;
  };
  const phoneToken = (raw: string) => {
    const key = digits(raw);
    let token = byPhone.get(key);
    if (!token) {
      token = next("PHONE");
      byPhone.set(key, token);
      table.set(token, raw);
    }
    return token;
  };
  const emailToken = (raw: string) => {
    const key = raw.toLowerCase();
    let token = byEmail.get(key);
    if (!token) {
      token = next("EMAIL");
      byEmail.set(key, token);
      table.set(token, raw);
    }
    return token;
  };

  const firstNameCount = new Map<string, number>();
  for (const p of people) {
    const first = clean(p.firstName).toLowerCase();
    if (first) firstNameCount.set(first, (firstNameCount.get(first) ?? 0) + 1);
  }
  const nameTokens = new Map<string, string>();
  const plainName = (raw: string) => {
    const key = raw.toLowerCase();
    let token = nameTokens.get(key);
    if (!token) {
      token = next("NAME");
      nameTokens.set(key, token);
      table.set(token, raw);
    }
    return token;
  };

  for (const p of people) {
    const first = clean(p.firstName);
    const last = clean(p.lastName);
    const full = clean(`${first} ${last}`);
    if (!full) continue;
    const token = next(p.kind);
    const family = p.familyId ?? null;
    const own = (t: string) => {
      if (family !== null) owner.set(t, family);
      return t;
    };
    table.set(own(token), p.kind === "CHILD" && first ? first : full);
    byText.set(full.toLowerCase(), token);
    if (first && firstNameCount.get(first.toLowerCase()) === 1) {
      byText.set(first.toLowerCase(), token);
    }
    if (p.phone) own(phoneToken(p.phone));
    if (p.email) own(emailToken(p.email));
    if (p.address) {
      const address = clean(p.address);
      const a = own(next("ADDRESS"));
      table.set(a, address);
      byText.set(address.toLowerCase(), a);
    }
  }
  // Surnames and shared first names on their own: exact-text tokens, after every person token.
  for (const p of people) {
    for (const part of [clean(p.lastName), clean(p.firstName)]) {
      if (part.length > 1 && !byText.has(part.toLowerCase())) {
        byText.set(part.toLowerCase(), plainName(part));
      }
    }
  }

  // Longest first, so a full name wins over the first name inside it.
  const texts = [...byText.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const nameRegex =
    texts.length > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}_])(?:${texts.map(escapeRegex).join("|")})(?![\\p{L}\\p{N}_])`,
          "giu",
        )
      : null;

  const addressToken = (raw: string) => {
    const key = clean(raw).toLowerCase();
    let token = byText.get(key);
    if (!token) {
      token = next("ADDRESS");
      byText.set(key, token);
      table.set(token, raw);
    }
    return token;
  };

  const issue = (token: string) => {
    issued.add(token);
    return token;
  };
  const tokensIn = (value: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === "string") out.push(...(v.match(TOKEN) ?? []));
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(value);
    return out;
  };

  return {
    table,
    mask(text) {
      let out = text.replace(EMAIL, (m) => issue(emailToken(m)));
      out = out.replace(PHONE, (m) => issue(phoneToken(m)));
      out = out.replace(ADDRESS, (m) => issue(addressToken(m)));
      if (nameRegex) {
        out = out.replace(nameRegex, (m) => {
          const token = byText.get(m.toLowerCase());
          return token ? issue(token) : m;
        });
      }
      return out;
    },
    unissued(value) {
      return [...new Set(tokensIn(value).filter((t) => !issued.has(t)))];
    },
    otherFamilies(text, familyId) {
      const found = new Set<string>();
      const check = (token: string | undefined) => {
        const family = token ? owner.get(token) : undefined;
        if (token && family !== undefined && family !== familyId) found.add(token);
      };
      for (const m of text.match(TOKEN) ?? []) check(m);
      for (const m of text.match(EMAIL) ?? []) check(byEmail.get(m.toLowerCase()));
      for (const m of text.match(PHONE) ?? []) check(byPhone.get(digits(m)));
      for (const m of nameRegex ? (text.match(nameRegex) ?? []) : []) {
        if (/^\p{Lu}/u.test(m)) check(byText.get(m.toLowerCase()));
      }
      return [...found];
    },
    restore<T>(value: T): T {
      const walk = (v: unknown): unknown => {
        if (typeof v === "string") {
          return v.replace(TOKEN, (t) => (issued.has(t) ? (table.get(t) ?? t) : t));
        }
        if (Array.isArray(v)) return v.map(walk);
        if (v && typeof v === "object") {
          return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
        }
        return v;
      };
      return walk(value) as T;
    },
  };
}

/**
 * Everyone at the center whose data must not reach the model, in a fixed order: children, then
 * guardians and authorized pick-ups by family, then staff, each by id.
 */
export function loadPeople(db: Store, centerId: string): Person[] {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const kids = listChildren(db, centerId).sort(byId);
  const people: Person[] = kids.map((c) => ({
    kind: "CHILD",
    firstName: c.firstName,
    lastName: c.lastName,
    familyId: c.familyId,
  }));
  for (const family of listFamilies(db, centerId)) {
    for (const g of family.guardians) {
      const [first = "", ...rest] = clean(g.name).split(" ");
      people.push({
        kind: "GUARDIAN",
        firstName: first,
        lastName: rest.join(" "),
        phone: g.phone,
        email: g.email,
        familyId: family.id,
      });
    }
  }
  for (const c of kids) {
    for (const p of c.authorizedPickups) {
      const [first = "", ...rest] = clean(p.name).split(" ");
      if (people.some((x) => clean(`${x.firstName} ${x.lastName}`) === clean(p.name))) continue;
      people.push({
        kind: "PICKUP",
        firstName: first,
        lastName: rest.join(" "),
        familyId: c.familyId,
      });
    }
  }
  for (const s of listStaff(db, centerId).sort(byId)) {
    people.push({ kind: "STAFF", firstName: s.firstName, lastName: s.lastName });
  }
  return people;
}
