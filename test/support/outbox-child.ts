/**
 * @module test/support/outbox-child
 * A separate process that runs the service's alert sending (`startAlerting`: outbox worker and
 * channels, as wired in production) against the database and providers named in its environment,
 * sends what is due, and stays up. Tests kill it with SIGKILL mid-send to check what a restart
 * does with the send it left behind. Run with `node --import tsx`.
 */
import { EventEmitter } from "node:events";
import { startAlerting } from "../../src/alerts/runtime.js";
import { loadConfig } from "../../src/config/index.js";
import { silentLogger } from "../../src/logging/index.js";
import { openDatabase } from "../../src/storage/db.js";

const config = loadConfig();
const db = openDatabase(config.DATABASE_PATH);
const alerting = startAlerting({
  db,
  logger: silentLogger,
  config,
  clock: () => new Date(),
  wallClock: () => new Date(),
  clients: [],
  events: new EventEmitter(),
  publicUrl: "http://127.0.0.1",
});
await alerting.tick();
// Stay up until killed: the send in flight never finishes against a provider that hangs.
setInterval(() => undefined, 60_000);
