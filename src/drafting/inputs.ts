/**
 * @module drafting/inputs
 * How a job's input is put together from directory records and the deterministic core's decision.
 * The triggers build inputs from stored events and the eval harness from the sandbox world; both
 * call these so an eval case sees exactly the input shape production enqueues.
 */
import { instantToZoned, zonedDateTimeToInstant } from "../domain/time.js";
import { incidentSeverityFloor } from "../rules/index.js";
import type { FamilySubject } from "./jobs/family-subject.js";
import type {
  AbsenceJobInput,
  IncidentJobInput,
  LatePickupInput,
  QuickLogInput,
  RatioImpactInput,
} from "./jobs/index.js";
import { clockFor } from "./wording.js";

interface Person {
  firstName: string;
  lastName: string;
}

interface ChildRecord extends Person {
  id: string;
  homeRoomId: string | null;
}

interface Named {
  id: string;
  name: string;
}

/** The records a family-facing draft is about; the room is the child's home room, if known. */
export interface SubjectRecords {
  center: { name: string; jurisdiction?: string };
  child: ChildRecord;
  family: Named;
  room: Named | null | undefined;
}

export const fullName = (p: Person) => `${p.firstName} ${p.lastName}`;

export function familySubject(s: SubjectRecords, date: string): FamilySubject {
  return {
    centerName: s.center.name,
    childId: s.child.id,
    childName: fullName(s.child),
    familyId: s.family.id,
    familyName: s.family.name,
    roomId: s.room?.id ?? null,
    roomName: s.room?.name ?? null,
    date,
    clock: clockFor(s.center.jurisdiction),
  };
}

/** The date is the assessment's own (the pick-up's local date). */
export function latePickupInput(
  s: SubjectRecords,
  o: Pick<LatePickupInput, "assessment" | "pickedUpBy" | "graceMinutes" | "history"> &
    Partial<Pick<LatePickupInput, "pickupTimeSource">>,
): LatePickupInput {
  return {
    ...familySubject(s, o.assessment.date),
    pickedUpBy: o.pickedUpBy,
    graceMinutes: o.graceMinutes,
    assessment: o.assessment,
    history: o.history,
    pickupTimeSource: o.pickupTimeSource ?? "platform",
  };
}

export function absenceInput(
  s: SubjectRecords,
  date: string,
  o: Pick<AbsenceJobInput, "expectedArrival" | "cutoff" | "reason">,
): AbsenceJobInput {
  return {
    ...familySubject(s, date),
    expectedArrival: o.expectedArrival,
    cutoff: o.cutoff,
    reason: o.reason,
  };
}

/** The severity floor comes from the description, never from the reporter or a model. */
export function incidentInput(o: {
  center: { name: string; timeZone: string; jurisdiction?: string };
  incidentId: string;
  room: Named | null | undefined;
  occurredAt: string;
  children: IncidentJobInput["children"];
  reporter: Person | undefined;
  description: string;
}): IncidentJobInput {
  const floor = incidentSeverityFloor(o.description);
  return {
    centerName: o.center.name,
    incidentId: o.incidentId,
    roomId: o.room?.id ?? null,
    roomName: o.room?.name ?? null,
    occurredAt: o.occurredAt,
    localTime: instantToZoned(new Date(o.occurredAt), o.center.timeZone).time,
    children: o.children,
    reportedBy: o.reporter ? fullName(o.reporter) : null,
    description: o.description,
    severityFloor: floor.floor,
    floorBecause: floor.because,
    clock: clockFor(o.center.jurisdiction),
  };
}

/** The log's date and offset are its writing time's, in the center's zone. */
export function quickLogInput(o: {
  child: ChildRecord;
  timeZone: string;
  writtenAt: Date;
  writtenBy: string | null;
  text: string;
}): QuickLogInput {
  return {
    childId: o.child.id,
    childName: fullName(o.child),
    roomId: o.child.homeRoomId,
    date: instantToZoned(o.writtenAt, o.timeZone).date,
    timeZone: o.timeZone,
    utcOffset: utcOffset(o.writtenAt, o.timeZone),
    writtenAt: o.writtenAt.toISOString(),
    writtenBy: o.writtenBy,
    text: o.text,
  };
}

export function ratioImpactFamily(
  family: Named,
  child: Person & { id: string },
): RatioImpactInput["families"][number] {
  return {
    familyId: family.id,
    familyName: family.name,
    childId: child.id,
    childName: fullName(child),
  };
}

/** `-08:00` for Los Angeles in winter: the zone's offset at `at`. */
function utcOffset(at: Date, timeZone: string): string {
  const local = instantToZoned(at, timeZone);
  const wall = zonedDateTimeToInstant(local.date, local.time, timeZone);
  const asUtc = Date.parse(`${local.date}T${local.time}:00Z`);
  const minutes = Math.round((asUtc - wall.getTime()) / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
