/**
 * @module evals/runner/progress
 * Progress while suites run, on stderr: one line redrawn with `\r` on a terminal; on anything else
 * (CI logs, pipes) a plain line at the start, every 10%, and at the end, so logs stay readable.
 */
import type { ProgressListener } from "./run.js";

export function progressBar(
  stream: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean } = process.stderr,
  width = 30,
): ProgressListener {
  const tty = stream.isTTY === true;
  let lastStep = -1;
  let started = 0;
  return {
    start(suite, total) {
      started = Date.now();
      lastStep = -1;
      if (!tty) stream.write(`${suite}: ${total} cases\n`);
    },
    tick(suite, done, total) {
      if (tty) {
        const filled = total === 0 ? width : Math.round((done / total) * width);
        stream.write(
          `\r${suite} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`,
        );
        return;
      }
      const step = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (step > lastStep && step < 10) {
        lastStep = step;
        stream.write(`${suite}: ${done}/${total}\n`);
      }
    },
    end(suite) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(tty ? ` ${secs}s\n` : `${suite}: done in ${secs}s\n`);
    },
  };
}
