export type { Center, Room } from "./center.js";
export { centerSchema, jurisdictionSchema, roomSchema } from "./center.js";
export type { DomainEvent, DomainEventType } from "./events.js";
export { domainEventSchema } from "./events.js";
export type { Provider } from "./ids.js";
export { dateSchema, idSchema, instantSchema, localTimeSchema, providerSchema } from "./ids.js";
export type { Child, Family, Shift, Staff, StaffRole, Weekday } from "./people.js";
export {
  childSchema,
  credentialSchema,
  expectedDaySchema,
  familySchema,
  guardianSchema,
  pickupPersonSchema,
  plannedBreakSchema,
  shiftSchema,
  staffRoleSchema,
  staffSchema,
  weekdaySchema,
} from "./people.js";
export type { PresenceSnapshot, RoomState } from "./presence.js";
export { presenceSnapshotSchema, roomStateSchema } from "./presence.js";
