/**
 * @module drafting/notice
 * A high-severity incident reaches the director at once, without waiting for any draft: a task
 * in the center's platform, through the alerts' durable outbox (retried, recorded, sent once per
 * incident). The notice is built from the deterministic floor only and carries no names and none
 * of the report's text, which the director reads in the pending triage draft.
 */
import type { Store } from "../storage/db.js";
import { enqueueOutbox } from "../storage/outbox.js";
import type { IncidentJobInput } from "./jobs/index.js";

export function enqueueDirectorNotice(
  db: Store,
  centerId: string,
  incident: IncidentJobInput,
  now: string,
): number[] {
  const where = incident.roomName ?? "the center";
  const children =
    incident.children.length === 1 ? "1 child" : `${incident.children.length} children`;
  return enqueueOutbox(
    db,
    [
      {
        alertId: null,
        centerId,
        channel: "task",
        recipient: "director",
        payload: {
          title: `High-severity incident: ${where}, ${incident.localTime}`,
          description: [
            `An incident involving ${children} was reported in ${where} at ${incident.localTime}.`,
            `Severity floor: high (${incident.floorBecause.join("; ")}).`,
            "The report and a draft triage and family note wait in Centerline's approvals.",
            `Incident ${incident.incidentId}.`,
          ].join("\n"),
          assignedTo: "director",
          dueDate: null,
        },
        idempotencyKey: `incident:${centerId}:${incident.incidentId}:task:director`,
        status: "pending",
      },
    ],
    now,
  );
}
