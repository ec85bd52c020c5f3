/**
 * @module platforms/http/platform-api
 * What every vendor client does the same way over the shared HTTP client: list every item of a
 * paged collection in the vendor's paging style, create a record and get its id, and read the
 * records a center's directory is made of. Vendors keep their own paths, page shapes and wire
 * schemas; only the request structure lives here.
 */
import type { z } from "zod";
import type { ClientOptions } from "../types.js";
import {
  collectCursorPages,
  collectNumberedPages,
  createHttpClient,
  createRecord,
  type HttpClient,
  type Query,
} from "./client.js";

type CursorPage<T> = { data: T[]; next_cursor: string | null };
type NumberedPage<T> = { items: T[]; page: number; total_pages: number };

/** The vendor's page schema around an item schema, in one of the two paging styles we know. */
export type Paging =
  | { style: "cursor"; page: <T extends z.ZodType>(item: T) => z.ZodType<CursorPage<z.output<T>>> }
  | {
      style: "numbered";
      page: <T extends z.ZodType>(item: T) => z.ZodType<NumberedPage<z.output<T>>>;
    };

export interface PlatformApi {
  http: HttpClient;
  /** Every item of a paged list, however many pages the vendor splits it into. */
  list<T extends z.ZodType>(path: string, item: T, query?: Query): Promise<z.output<T>[]>;
  /** POSTs a record (validated against its request wire schema first) and returns its id. */
  create<S extends z.ZodType>(
    path: string,
    schema: S,
    value: z.input<S>,
    idempotencyKey?: string,
  ): Promise<{ id: string }>;
}

export function createPlatformApi(
  options: ClientOptions,
  paging: Paging,
  created: z.ZodType<{ id: string }>,
): PlatformApi {
  const http = createHttpClient(options);
  return {
    http,
    list: (path, item, query) =>
      paging.style === "cursor"
        ? collectCursorPages(http, path, paging.page(item), query)
        : collectNumberedPages(http, path, paging.page(item), query),
    create: (path, schema, value, idempotencyKey) =>
      createRecord(http, path, { schema, value }, created, idempotencyKey),
  };
}

/** Where a vendor keeps each list a directory is read from, and the item schema of each. */
export interface DirectorySources<
  C extends z.ZodType,
  R extends z.ZodType,
  F extends z.ZodType,
  Ch extends z.ZodType,
  S extends z.ZodType,
> {
  center: C;
  /** Listed under the center's own path: `/api/v1/centers/{id}/<rooms.path>`. */
  rooms: { path: string; item: R };
  /** The rest are top-level lists filtered by `center_id`. */
  families: { path: string; item: F };
  children: { path: string; item: Ch };
  staff: { path: string; item: S };
}

/** The wire records of one center's directory, read in parallel. */
export async function fetchDirectoryRecords<
  C extends z.ZodType,
  R extends z.ZodType,
  F extends z.ZodType,
  Ch extends z.ZodType,
  S extends z.ZodType,
>(api: PlatformApi, centerId: string, sources: DirectorySources<C, R, F, Ch, S>) {
  const centerPath = `/api/v1/centers/${encodeURIComponent(centerId)}`;
  const byCenter = { center_id: centerId };
  const [center, rooms, families, children, staff] = await Promise.all([
    api.http.get(centerPath, sources.center),
    api.list(`${centerPath}/${sources.rooms.path}`, sources.rooms.item),
    api.list(sources.families.path, sources.families.item, byCenter),
    api.list(sources.children.path, sources.children.item, byCenter),
    api.list(sources.staff.path, sources.staff.item, byCenter),
  ]);
  return { center, rooms, families, children, staff };
}
