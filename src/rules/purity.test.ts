/**
 * The ratio core must stay pure: decisions are replayable only if nothing in it reads a clock,
 * draws a random number, or reaches I/O. This guards the folder's source, not just its behaviour.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(new URL(".", import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("src/rules is pure", () => {
  const files = sources(root);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(`${file.slice(root.length + 1)} reads no clock, no randomness, no I/O`, () => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now|Math\.random/);
      const imports = [...text.matchAll(/(?:from|import)\s*\(?"([^"]+)"/g)].map((m) => m[1] ?? "");
      for (const spec of imports) {
        if (spec === "zod") continue;
        const target = resolve(dirname(file), spec);
        const allowed = [root, resolve(root, "../domain"), resolve(root, "../errors")];
        expect(
          allowed.some((dir) => target.startsWith(dir)),
          `${file} imports ${spec}`,
        ).toBe(true);
      }
    });
  }
});
