import { defineConfig } from "vitest/config";

// Unit and integration tests. Browser tests of the dashboards (test/notebooks/) need a built site and
// Chromium; they run with `npm run test:dashboard` (see .ci/run), not here.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/notebooks/**", "node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
