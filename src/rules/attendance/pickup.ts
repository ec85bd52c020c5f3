/**
 * @module rules/attendance/pickup
 * Is the person at the door allowed to take this child? Pure and strict: only an exact match of
 * the normalized full name against the child's authorized list authorizes, and a custody
 * restriction on that person wins over any authorization. A near miss is refused (and named), since
 * a wrong "authorized" hands a child to the wrong adult — a hold costs a director a minute.
 */
import { z } from "zod";
import { pickupPersonSchema } from "../../domain/people.js";

export const custodyRestrictionSchema = z.object({
  /** The restricted person's full name as on the court order or the center's record. */
  name: z.string().min(1),
  kind: z.enum(["no_contact", "court_order", "supervised_only"]),
  note: z.string().default(""),
});
export type CustodyRestriction = z.infer<typeof custodyRestrictionSchema>;

export const pickupRequestSchema = z.object({
  childId: z.string().min(1),
  /** The name the platform identified (PIN / QR owner or the name a staff member typed). */
  personName: z.string().min(1),
  method: z.enum(["pin", "qr", "staff_entry", "unknown"]),
  authorizedPickups: z.array(pickupPersonSchema),
  restrictions: z.array(custodyRestrictionSchema).default([]),
});
export type PickupRequest = z.input<typeof pickupRequestSchema>;

export type PickupDecision =
  | { decision: "authorized"; matched: string; relationship: string; reason: string }
  | {
      decision: "not_authorized" | "restricted";
      /** Authorized names that are close to the one given, for the director's judgement only. */
      nearMatches: string[];
      reason: string;
    };

/** Case, accents, punctuation and spacing do not distinguish people's names; letters do. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

function nearMatches(given: string, names: readonly string[]): string[] {
  const g = normalizeName(given);
  const [gFirst = "", ...gRest] = g.split(" ");
  const gLast = gRest.at(-1) ?? "";
  return names.filter((name) => {
    const n = normalizeName(name);
    const [first = "", ...rest] = n.split(" ");
    const last = rest.at(-1) ?? "";
    return (
      distance(n, g) <= 2 || (last !== "" && last === gLast) || (first === gFirst && first !== "")
    );
  });
}

export function verifyPickup(input: PickupRequest): PickupDecision {
  const req = pickupRequestSchema.parse(input);
  const given = normalizeName(req.personName);
  const restriction = req.restrictions.find((r) => normalizeName(r.name) === given);
  if (restriction) {
    return {
      decision: "restricted",
      nearMatches: [],
      reason: `${req.personName} is under a custody restriction (${restriction.kind.replaceAll("_", " ")})${
        restriction.note ? `: ${restriction.note}` : ""
      }; hold the check-out for the director`,
    };
  }
  const match = req.authorizedPickups.find((p) => normalizeName(p.name) === given);
  if (match) {
    return {
      decision: "authorized",
      matched: match.name,
      relationship: match.relationship,
      reason: `${req.personName} is on the authorized pick-up list (${match.relationship})`,
    };
  }
  const near = nearMatches(
    req.personName,
    req.authorizedPickups.map((p) => p.name),
  );
  return {
    decision: "not_authorized",
    nearMatches: near,
    reason:
      `${req.personName} is not on the child's authorized pick-up list` +
      (near.length > 0
        ? ` (similar authorized names: ${near.join(", ")}; a director must confirm)`
        : ""),
  };
}
