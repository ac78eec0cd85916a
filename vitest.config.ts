import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "services/*/src/**/*.test.ts",
      "tests/**/*.test.ts",
      "devset/src/**/*.test.ts",
    ],
    // The slow fault tests have their own run: pnpm test:faults (vitest.faults.config.ts).
    exclude: [...configDefaults.exclude, "tests/faults/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Suites spawn their own redis-server and HTTP servers; two cores, so keep forks modest.
    pool: "forks",
    maxWorkers: 3,
  },
});
