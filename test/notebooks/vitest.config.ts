import { defineConfig } from "vitest/config";

// Browser tests of the dashboards: `npm run test:dashboard` after `npm run dashboard:build`.
// They drive Debian's /usr/bin/chromium through playwright-core against the built site in dashboard-dist/,
// served on localhost by a tiny static server, and write screenshots to test-output/dashboard/.
export default defineConfig({
  test: {
    include: ["test/notebooks/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
