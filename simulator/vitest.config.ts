import { defineConfig } from "vitest/config";

/** The simulator's tests need no database: `npx vitest run --config simulator/vitest.config.ts`. */
export default defineConfig({
  cacheDir: "../node_modules/.vite/simulator",
  test: {
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
