/**
 * @module sandbox
 * The simulated center chain: the embedded default of `npm start` and the shared fake in tests.
 * msw handlers live in `sandbox/msw.ts` (import it from tests only: msw is a dev dependency).
 */

export { createSandboxApi } from "./api.js";
export type { SandboxApiSource } from "./api-common.js";
export { PAGE_SIZE } from "./api-common.js";
export type { WebhookDeliverer, WebhookDelivererOptions } from "./deliverer.js";
export { createWebhookDeliverer } from "./deliverer.js";
export type {
  CheckInMethod,
  DayPlan,
  SandboxEvent,
  SandboxEventKind,
  ScenarioKind,
  ScenarioMarker,
} from "./events.js";
export type { OutboxEntry, OutboxKind } from "./outbox.js";
export type { Rng } from "./prng.js";
export { createRng, hashSeed, rngFor } from "./prng.js";
export type { RunnerLogger, SandboxRunner, SandboxRunnerOptions, SetTimer } from "./runner.js";
export { startSandboxRunner } from "./runner.js";
export type { CreateSandboxOptions, DropPredicate, Sandbox } from "./sandbox.js";
export { createSandbox } from "./sandbox.js";
export type { SimShift } from "./schedule.js";
export { firstOpenDay, isOpenDay, nextOpenDay, shiftsOn } from "./schedule.js";
export { DAY_END, DAY_START, dayBounds, planDay } from "./script.js";
export type { ChildPresence, SandboxTruth, StaffPresence } from "./truth.js";
export { createTruth } from "./truth.js";
export type { SandboxDelivery } from "./webhooks.js";
export { signDelivery, toDelivery } from "./webhooks.js";
export type {
  AgeGroup,
  CreateWorldOptions,
  SandboxWorld,
  SimCenter,
  SimChild,
  SimCredential,
  SimDuty,
  SimFamily,
  SimGuardian,
  SimRoom,
  SimStaff,
} from "./world.js";
export { authorizedPickups, createWorld, worldIndex } from "./world.js";
