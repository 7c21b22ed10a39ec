import { defineConfig } from "vitest/config";

// One run covers every package; browser and fault tests live in tests/ and share the same runner.
export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.{ts,tsx}",
      "data/scripts/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
