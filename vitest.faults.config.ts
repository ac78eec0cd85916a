import { defineConfig } from "vitest/config";

/** `pnpm test:faults`: real processes killed, Redis and Discord taken down; minutes, not seconds. */
export default defineConfig({
  test: {
    include: ["tests/faults/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 150_000,
    pool: "forks",
    // Each suite runs several zw processes; two cores.
    maxWorkers: 2,
  },
});
