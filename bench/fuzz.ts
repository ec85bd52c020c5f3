/**
 * The long request-fuzzing run: 10,000 seeded random requests (`test/support/fuzz.ts`) across every
 * operation in `/openapi.json` of a fresh service, counting answers by status; any 5xx is listed
 * and fails the run. Run: `npx tsx bench/fuzz.ts [requests] [seed]`.
 */
import fc from "fast-check";
import { listChildren, listRooms } from "../src/storage/directory.js";
import { type OpenApiDoc, operationsOf, requestArbitrary, send } from "../test/support/fuzz.js";
import { SANDBOX_DATE, startTestService } from "../test/support/service.js";

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20261208);
const A = "center_001";

const t = await startTestService();
try {
  const doc = (await (await fetch(`${t.service.url}/openapi.json`)).json()) as OpenApiDoc;
  const operations = operationsOf(doc);
  const known = {
    center: A,
    room: listRooms(t.service.ctx.db, A)[0]?.id ?? "",
    child: listChildren(t.service.ctx.db, A)[0]?.id ?? "",
    date: SANDBOX_DATE,
    from: SANDBOX_DATE,
    to: SANDBOX_DATE,
    month: SANDBOX_DATE.slice(0, 7),
    format: "csv",
  };
  const requests = fc.sample(requestArbitrary(operations, known, t.bootstrapToken), {
    seed,
    numRuns: count,
  });
  const byStatus = new Map<number, number>();
  const failures: string[] = [];
  const started = performance.now();
  for (const request of requests) {
    const { status, text } = await send(t.service.url, request);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    if (status >= 500) failures.push(`${status} ${request.operation} ${request.target}: ${text}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const statuses = [...byStatus]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  console.log(
    `fuzz: ${requests.length} requests over ${operations.length} operations (seed ${seed}) in ${seconds.toFixed(1)} s; ${failures.length} answered 5xx; ${statuses}`,
  );
  for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await t.stop();
}
