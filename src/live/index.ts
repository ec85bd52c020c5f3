export type { TouchedRooms } from "./apply.js";
export { applyEvents, touch } from "./apply.js";
export type { Presence } from "./project.js";
export { currentRoom, emptyPresence, project, subjectOf } from "./project.js";
export { assembleRooms, roomStates } from "./room-state.js";
