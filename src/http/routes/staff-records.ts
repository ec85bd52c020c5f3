/**
 * @module http/routes/staff-records
 * The center's own staff records, which neither platform syncs:
 * - `POST /api/centers/{center}/staff/hire-dates`: set hire dates (JSON or CSV `staffId,hireDate`);
 * - `POST /api/centers/{center}/staff/training`: append completed training (JSON or CSV
 *   `staffId,topic,hours,completedOn,provider,reference`); a line already stored is skipped;
 * - `GET /api/centers/{center}/staff/training?staff=`: the training records on file.
 * Imports are a director's (or assistant director's): every line is checked first and nothing is
 * stored when one is bad (400 naming the line and field); each import is audited.
 */
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { membershipAt, principalOf, unknownCenter } from "../../auth/index.js";
import { AppError } from "../../errors/index.js";
import { parseCsvTable } from "../../reports/csv.js";
import {
  centerDate,
  HIRE_DATE_COLUMNS,
  hireDatesImportSchema,
  recordHireDates,
  recordTraining,
  storedTraining,
  storedTrainingSchema,
  TRAINING_COLUMNS,
  trainingImportSchema,
  validateHireDates,
  validateTraining,
} from "../../staff/index.js";
import { getCenter, listStaff } from "../../storage/directory.js";
import { listTraining } from "../../storage/staff-records.js";
import type { AppContext, AppEnv } from "../context.js";
import { errorBodySchema } from "../errors.js";

const errorContent = { "application/json": { schema: errorBodySchema } };
const importErrors = {
  400: {
    description: "A bad line (named) or unknown staff; nothing stored",
    content: errorContent,
  },
  403: { description: "Not a director here", content: errorContent },
  404: { description: "Unknown center", content: errorContent },
} as const;
const center = z.object({ center: z.string().min(1) });

const hireDatesRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/staff/hire-dates",
  tags: ["Staff"],
  summary: "Set staff hire dates (JSON, or CSV staffId,hireDate); directors only",
  request: {
    params: center,
    body: {
      required: false,
      content: {
        "application/json": { schema: hireDatesImportSchema },
        "text/csv": { schema: z.string() },
      },
    },
  },
  responses: {
    200: {
      description: "Stored",
      content: { "application/json": { schema: z.object({ recorded: z.number().int() }) } },
    },
    ...importErrors,
  },
});

const trainingImportRoute = createRoute({
  method: "post",
  path: "/api/centers/{center}/staff/training",
  tags: ["Staff"],
  summary:
    "Append completed training (JSON, or CSV staffId,topic,hours,completedOn,provider,reference); a record already on file is skipped; directors only",
  request: {
    params: center,
    body: {
      required: false,
      content: {
        "application/json": { schema: trainingImportSchema },
        "text/csv": { schema: z.string() },
      },
    },
  },
  responses: {
    200: {
      description: "How many records were added and how many were already on file",
      content: {
        "application/json": {
          schema: z.object({
            inserted: z.number().int(),
            skipped: z.number().int(),
            ids: z.array(z.string()),
          }),
        },
      },
    },
    ...importErrors,
  },
});

const trainingListRoute = createRoute({
  method: "get",
  path: "/api/centers/{center}/staff/training",
  tags: ["Staff"],
  summary: "Training records on file, oldest first",
  request: {
    params: center,
    query: z.object({ staff: z.string().min(1).optional().describe("Only this staff member's") }),
  },
  responses: {
    200: {
      description: "The records",
      content: {
        "application/json": {
          schema: z.object({ centerId: z.string(), records: z.array(storedTrainingSchema) }),
        },
      },
    },
    404: { description: "Unknown center or staff member", content: errorContent },
  },
});

function requireDirector(c: Context<AppEnv>, centerId: string, what: string) {
  const principal = principalOf(c);
  const role = membershipAt(principal, centerId)?.role;
  if (role !== "director" && role !== "assistant_director") {
    throw new AppError("forbidden", `only a director records ${what}`);
  }
  return principal;
}

/** The body as JSON, or the CSV's lines under `list` (and whether it was CSV, for line numbers). */
async function importBody(
  c: Context<AppEnv>,
  list: string,
  columns: readonly string[],
): Promise<{ body: unknown; csv: boolean }> {
  if (/^text\/csv/i.test(c.req.header("content-type") ?? "")) {
    return { body: { [list]: parseCsvTable(await c.req.text(), columns) }, csv: true };
  }
  const body = await c.req.json().catch(() => {
    throw new AppError("bad_request", "expected a JSON body or text/csv", { field: "body" });
  });
  return { body, csv: false };
}

export function registerStaffRecordRoutes(app: OpenAPIHono<AppEnv>, ctx: AppContext): void {
  const staffAt = (centerId: string) => {
    const place = getCenter(ctx.db, centerId);
    if (!place) throw unknownCenter(centerId);
    return { place, known: new Set(listStaff(ctx.db, centerId).map((s) => s.id)) };
  };

  app.openapi(hireDatesRoute, async (c) => {
    const { center: centerId } = c.req.valid("param");
    const principal = requireDirector(c, centerId, "hire dates");
    const { known } = staffAt(centerId);
    const { body, csv } = await importBody(c, "hireDates", HIRE_DATE_COLUMNS);
    const list = validateHireDates(body, known, csv);
    const recorded = recordHireDates(
      ctx.db,
      centerId,
      list,
      "import",
      principal.actor,
      ctx.wallClock(),
    );
    return c.json({ recorded }, 200);
  });

  app.openapi(trainingImportRoute, async (c) => {
    const { center: centerId } = c.req.valid("param");
    const principal = requireDirector(c, centerId, "training");
    const { place, known } = staffAt(centerId);
    const { body, csv } = await importBody(c, "training", TRAINING_COLUMNS);
    const list = validateTraining(body, known, centerDate(place, ctx.clock()), csv);
    const result = recordTraining(
      ctx.db,
      centerId,
      list,
      "import",
      principal.actor,
      ctx.wallClock(),
    );
    return c.json(
      {
        inserted: result.inserted.length,
        skipped: result.skipped,
        ids: result.inserted.map((r) => storedTraining(r).id),
      },
      200,
    );
  });

  app.openapi(trainingListRoute, (c) => {
    const { center: centerId } = c.req.valid("param");
    const { staff } = c.req.valid("query");
    const { known } = staffAt(centerId);
    if (staff !== undefined && !known.has(staff)) {
      throw new AppError("not_found", `no staff member "${staff}" at this center`, {
        field: "staff",
      });
    }
    const records = listTraining(ctx.db, centerId, staff).map(storedTraining);
    return c.json({ centerId, records }, 200);
  });
}
