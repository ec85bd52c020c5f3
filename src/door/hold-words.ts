/**
 * @module door/hold-words
 * How a pick-up hold reads to people. Signed-in pages (the banner, the Alerts page, the door page)
 * name the child by first name and the person at the door; SMS and Slack never carry a name, so
 * they get the anonymous words. Pure: the caller brings the names and the local time.
 */
import type { PickupHoldRow } from "../storage/door.js";

export type HoldFacts = Pick<PickupHoldRow, "decision" | "eventType" | "personName">;

/** Where and when, as a director would say it: "Maya in Toddlers at 16:07". */
export function holdPlace(childFirstName: string, roomName: string | null, localTime: string) {
  return `${childFirstName}${roomName ? ` in ${roomName}` : ""} at ${localTime}`;
}

/** What happened at the door, naming the child and the person. */
export function holdWhatHappened(hold: HoldFacts, childFirstName: string): string {
  const person = hold.personName?.trim() || "someone";
  const attempt = hold.eventType === "child.pickup_attempted";
  switch (hold.decision) {
    case "restricted":
      return attempt
        ? `${person}, who is under a custody restriction, asked to collect ${childFirstName}`
        : `${childFirstName} was checked out to ${person}, who is under a custody restriction`;
    case "unidentified":
      return `${childFirstName} was checked out in the platform without naming who collected them`;
    default:
      return attempt
        ? `${person} asked to collect ${childFirstName} and is not on the authorized pick-up list`
        : `${childFirstName} was checked out to ${person}, who is not on the authorized pick-up list`;
  }
}

/** The same without any name, for channels that leave the building (SMS, Slack, the platform). */
export function holdWhatHappenedAnonymously(hold: HoldFacts): string {
  const attempt = hold.eventType === "child.pickup_attempted";
  switch (hold.decision) {
    case "restricted":
      return attempt
        ? "a person under a custody restriction asked to collect a child"
        : "a child was checked out to a person under a custody restriction";
    case "unidentified":
      return "a child was checked out without naming who collected them";
    default:
      return attempt
        ? "a person not on the authorized pick-up list asked to collect a child"
        : "a child was checked out to a person not on the authorized pick-up list";
  }
}

/** What the hold means until it is released. */
export const holdConsequence = (childFirstName: string) =>
  `${childFirstName} stays in care and counted until a director releases the hold.`;
