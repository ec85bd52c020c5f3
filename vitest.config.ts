import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "test/**/*.test.ts",
      "test/**/*.test.tsx",
      "evals/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 60_000,
    // Whole-service tests and set-ups start a service and often play part of a sandbox day; on a loaded
    // machine that takes far longer than vitest's 10 s default. Each test still has its own limit.
    hookTimeout: 120_000,
  },
});
