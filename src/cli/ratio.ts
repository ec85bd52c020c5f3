/**
 * @module cli/ratio
 * `ratio check --jurisdiction <code>`: a room as JSON on stdin, its evaluation as JSON on stdout.
 * `ratio rules`: the rule packs, one line each. Bad input exits non-zero naming the field.
 */
import { parseArgs } from "node:util";
import { AppError, err, fromZodError, ok, type Result } from "../errors/index.js";
import { evaluateRoom, getRulePack, listRulePacks, roomInputSchema } from "../rules/index.js";

export interface CliIo {
  readStdin(): Promise<string>;
  now(): Date;
}

export interface CliOutput {
  stdout: string;
  stderr: string;
  code: number;
}

const usage = `usage:
  ratio check --jurisdiction <code>   read a room as JSON on stdin, print its evaluation
  ratio rules                         list the rule packs`;

function fail(message: string, code = 2): CliOutput {
  return { stdout: "", stderr: `${message}\n`, code };
}

async function check(args: string[], io: CliIo): Promise<CliOutput> {
  let values: { jurisdiction?: string };
  try {
    ({ values } = parseArgs({ args, options: { jurisdiction: { type: "string", short: "j" } } }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
  if (!values.jurisdiction) return fail(`--jurisdiction is required (e.g. US-CA)\n${usage}`);
  const pack = getRulePack(values.jurisdiction);
  if (!pack) {
    const codes = listRulePacks()
      .map((p) => p.code)
      .join(", ");
    return fail(`--jurisdiction: no rule pack "${values.jurisdiction}" (known: ${codes})`);
  }
  const parsed = parseRoom(await io.readStdin());
  if (!parsed.ok) return fail(parsed.error.message);
  const room = parsed.value;
  const at = room.at ? new Date(room.at) : io.now();
  const result = evaluateRoom(pack, room, { at });
  if (!result.ok) return fail(result.error.message);
  return { stdout: `${JSON.stringify(result.value, null, 2)}\n`, stderr: "", code: 0 };
}

function parseRoom(text: string): Result<ReturnType<typeof roomInputSchema.parse>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(new AppError("bad_request", "stdin: not valid JSON"));
  }
  const parsed = roomInputSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err(fromZodError(parsed.error, "bad_request"));
}

function rules(): CliOutput {
  const lines = listRulePacks().map((p) => {
    const programs = p.programs
      .map(
        (prog) =>
          `${prog.id}: ${prog.bands.map((b) => `${b.label} 1:${b.ratio}${b.maxGroup ? `/${b.maxGroup}` : ""}`).join(", ")}`,
      )
      .join(" | ");
    return `${p.code.padEnd(6)} ${p.name} (${p.asOf})\n       ${programs}`;
  });
  return { stdout: `${lines.join("\n")}\n`, stderr: "", code: 0 };
}

export async function runRatioCommand(args: string[], io: CliIo): Promise<CliOutput> {
  const [sub, ...rest] = args;
  if (sub === "check") return check(rest, io);
  if (sub === "rules") return rules();
  return fail(usage);
}
