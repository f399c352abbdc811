import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/buildLib.ts"],
    // Tests that spawn and kill the real CLI many times run alone afterwards (vitest.serial.config.ts), so their
    // load does not push the browser and notebook tests here past their timeouts.
    exclude: ["tests/**/*.serial.test.ts", "**/node_modules/**"],
    // Notebook and browser tests start kernels and Chromium: give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
