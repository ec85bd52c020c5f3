/**
 * @module cli/main
 * `npm run -s cli -- <command> ...`. Commands: `ratio check`, `ratio rules`, `audit verify`,
 * `audit export`.
 */
import { text } from "node:stream/consumers";
import { runAuditCommand } from "./audit.js";
import { runRatioCommand } from "./ratio.js";

const [command, ...args] = process.argv.slice(2);
const io = { readStdin: () => text(process.stdin), now: () => new Date() };

const result =
  command === "ratio"
    ? await runRatioCommand(args, io)
    : command === "audit"
      ? {
          stdout: "",
          ...(await runAuditCommand(args, { stdout: process.stdout, env: process.env })),
        }
      : { stdout: "", stderr: "usage: cli <ratio|audit> <command> [options]\n", code: 2 };
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
