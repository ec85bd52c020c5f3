/**
 * @module cli/main
 * `npm run -s cli -- <command> ...`. Commands: `ratio check`, `ratio rules`.
 */
import { text } from "node:stream/consumers";
import { runRatioCommand } from "./ratio.js";

const [command, ...args] = process.argv.slice(2);
const io = { readStdin: () => text(process.stdin), now: () => new Date() };

const result =
  command === "ratio"
    ? await runRatioCommand(args, io)
    : { stdout: "", stderr: "usage: cli ratio <check|rules> [options]\n", code: 2 };
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
