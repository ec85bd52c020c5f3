export type { StatusChange } from "./monitor.js";
export { evaluateCenter } from "./monitor.js";
export type { RoomOutlook } from "./outlook.js";
export { centerOutlook } from "./outlook.js";
export { careRole, toRoomInput, toStaffInput } from "./room-input.js";
export type { RoomWithRatio } from "./rooms.js";
export { roomsWithRatio } from "./rooms.js";
export type { EvaluateTick, TickOptions, TickReport } from "./tick.js";
export { createEvaluateTick } from "./tick.js";
