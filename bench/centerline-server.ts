/**
 * Centerline as the benchmark runs it: its own process, a fresh SQLite file, the sandbox directory
 * synced but its day not playing (the benchmark sends the events itself), logs off.
 */
import { loadConfig } from "../src/config/index.js";
import { silentLogger } from "../src/logging/index.js";
import { startService } from "../src/service.js";

const config = loadConfig({ ...process.env, PORT: "0", RECONCILE_INTERVAL_SECONDS: "0" });
const service = await startService({ config, logger: silentLogger, runSandbox: false });
process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);
