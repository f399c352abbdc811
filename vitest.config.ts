import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/buildLib.ts"],
    // Notebook and browser tests start kernels and Chromium: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
