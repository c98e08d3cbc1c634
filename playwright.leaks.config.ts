// The Pro leak test: builds the fixture corpus (whose Pro files hold canary strings) into its
// own dist directory, serves it, and checks every public output for the canaries.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const port = Number(process.env.LEAKS_PORT ?? 3200);
export const LEAKS_DIST_DIR = ".next-leaks";
const env = {
  CONTENT_DIR: "tests/fixtures/content",
  NEXT_DIST_DIR: LEAKS_DIST_DIR,
  SITE_URL: `http://127.0.0.1:${port}`,
  OUTBOX_DIR: "test-results/outbox-leaks",
  BILLING_MODE: "demo",
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
};

export default defineConfig({
  ...base,
  testDir: "e2e/leaks",
  testIgnore: [],
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/reports/leaks.json" }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npx next build && npm run db:migrate && node scripts/serve.mjs -p ${port} -H 127.0.0.1`,
    env,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 300_000,
  },
});
