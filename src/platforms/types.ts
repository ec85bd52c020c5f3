/**
 * @module platforms/types
 * What every platform adapter provides. An adapter is one folder under `platforms/` with its wire
 * schemas, an HTTP client and pure mappers; registering it in `platforms/registry.ts` is the only
 * change elsewhere.
 */
import type { z } from "zod";
import type {
  Center,
  Child,
  DomainEvent,
  Family,
  PresenceSnapshot,
  Provider,
  Room,
  Shift,
  Staff,
} from "../domain/index.js";
import type { Result } from "../errors/index.js";

/** Everything Centerline needs to know about one center, as the platform lists it. */
export interface Directory {
  center: Center;
  rooms: Room[];
  families: Family[];
  children: Child[];
  staff: Staff[];
}

/** A record a webhook points at, and the wire field that named it (for 4xx messages). */
export interface Reference {
  kind: "center" | "room" | "child" | "staff";
  id: string;
  field: string;
}

export interface MappedWebhook {
  /** The platform's own event id when the payload has one; otherwise the `webhook-id` is used. */
  eventId: string | null;
  centerId: string;
  events: DomainEvent[];
  refs: Reference[];
}

export interface TaskInput {
  centerId: string;
  title: string;
  description: string;
  assignedTo: string;
  dueDate: string | null;
  /** Sent as `Idempotency-Key`, so a retry after a lost reply never creates a second task. */
  idempotencyKey?: string;
}

export interface NoteInput {
  centerId: string;
  childId: string;
  body: string;
  idempotencyKey?: string;
}

export interface FamilyMessageInput {
  centerId: string;
  familyId: string;
  childId: string | null;
  subject: string;
  body: string;
  idempotencyKey?: string;
}

export interface DailyLogInput {
  centerId: string;
  childId: string;
  entries: readonly {
    type: "nap" | "meal" | "diaper" | "activity";
    start: string;
    end: string | null;
    detail: string;
  }[];
  idempotencyKey?: string;
}

export interface StaffAssignmentInput {
  centerId: string;
  staffId: string;
  roomId: string;
  /** When the move takes effect. */
  at: string;
  reason: string;
  idempotencyKey?: string;
}

export interface TimecardCorrectionInput {
  centerId: string;
  staffId: string;
  timecardId: string;
  clockIn: string;
  clockOut: string | null;
  reason: string;
  idempotencyKey?: string;
}

/** Reads and writes one platform over HTTP. */
export interface PlatformClient {
  readonly provider: Provider;
  listCenters(): Promise<Center[]>;
  fetchDirectory(centerId: string): Promise<Directory>;
  fetchShifts(centerId: string, date: string): Promise<Shift[]>;
  /** Who is where now, by the platform's own account. */
  fetchPresence(centerId: string, roomIds: readonly string[]): Promise<PresenceSnapshot>;
  createTask(input: TaskInput): Promise<{ id: string }>;
  createNote(input: NoteInput): Promise<{ id: string }>;
  /** The writes an approved action makes; each honours `idempotencyKey` like `createTask`. */
  sendFamilyMessage(input: FamilyMessageInput): Promise<{ id: string }>;
  createDailyLog(input: DailyLogInput): Promise<{ id: string }>;
  assignStaff(input: StaffAssignmentInput): Promise<{ id: string }>;
  correctTimecard(input: TimecardCorrectionInput): Promise<{ id: string }>;
}

export interface PlatformAdapter {
  readonly provider: Provider;
  /** The webhook payload schema, also used to document the endpoint. */
  readonly webhookSchema: z.ZodType;
  /** Validates and maps a parsed webhook body; errors name the offending wire field. */
  mapWebhook(body: unknown): Result<MappedWebhook>;
  createClient(options: ClientOptions): PlatformClient;
}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  maxRetries?: number;
  fetch?: typeof fetch;
  /** Injected so tests do not wait out real backoff. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}
