import { defineConfig } from "vitest/config";

/** The tests that spawn and SIGKILL the real CLI, one file at a time, after the main suite (`npm test`). */
export default defineConfig({
  test: {
    include: ["tests/**/*.serial.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
