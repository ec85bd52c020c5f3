/**
 * @module cli/main
 * `npm run -s cli -- <command> ...`. Commands: `ratio check|rules`, `audit verify|export`,
 * `users add|list`, `tokens create|list|revoke`, `backup FILE`, `retention [--apply]` (the last five
 * on the database at DATABASE_PATH).
 */
import { text } from "node:stream/consumers";
import { loadConfig } from "../config/index.js";
import { AppError } from "../errors/index.js";
import { openDatabase } from "../storage/index.js";
import { runAuditCommand } from "./audit.js";
import { runTokensCommand, runUsersCommand } from "./auth.js";
import { runBackupCommand } from "./backup.js";
import { type CliOutput, runRatioCommand } from "./ratio.js";
import { runRetentionCommand } from "./retention.js";

const [command, ...args] = process.argv.slice(2);
const io = { readStdin: () => text(process.stdin), now: () => new Date() };

async function withDb(run: (db: ReturnType<typeof openDatabase>) => Promise<CliOutput>) {
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(loadConfig(process.env).DATABASE_PATH);
  } catch (error) {
    return { stdout: "", stderr: `${AppError.is(error) ? error.message : error}\n`, code: 1 };
  }
  try {
    return await run(db);
  } finally {
    db.$client.close();
  }
}

const result: CliOutput =
  command === "ratio"
    ? await runRatioCommand(args, io)
    : command === "audit"
      ? {
          stdout: "",
          ...(await runAuditCommand(args, { stdout: process.stdout, env: process.env })),
        }
      : command === "users"
        ? await withDb((db) => runUsersCommand(args, { ...io, db }))
        : command === "tokens"
          ? await withDb((db) => runTokensCommand(args, { ...io, db }))
          : command === "backup"
            ? await withDb((db) => runBackupCommand(args, db))
            : command === "retention"
              ? await withDb(async (db) => runRetentionCommand(args, db, io.now()))
              : {
                  stdout: "",
                  stderr:
                    "usage: cli ratio <check|rules> | audit <verify|export> | users <add|list> | tokens <create|list|revoke> | backup FILE | retention [--apply]\n",
                  code: 2,
                };
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
