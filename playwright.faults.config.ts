// The fault and abuse suite: the production build served by scripts/fault-server.ts, whose
// database connection runs through a relay the tests cut and restore. One worker: a cut
// database is a fact for every test running at that moment.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export const FAULTS_PORT = Number(process.env.FAULTS_PORT ?? 3400);
export const FAULTS_CONTROL_PORT = Number(process.env.FAULTS_CONTROL_PORT ?? 3401);
const site = `http://127.0.0.1:${FAULTS_PORT}`;

export default defineConfig({
  ...base,
  testDir: "e2e/faults",
  testIgnore: [],
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/reports/faults.json" }],
  ],
  retries: 0,
  workers: 1,
  fullyParallel: false,
  use: { ...base.use, baseURL: site },
  webServer: {
    command: "npx tsx scripts/fault-server.ts",
    env: {
      FAULTS_PORT: String(FAULTS_PORT),
      FAULTS_CONTROL_PORT: String(FAULTS_CONTROL_PORT),
      SITE_URL: site,
      BILLING_MODE: "demo",
      OUTBOX_DIR: "test-results/outbox-faults",
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    url: `${site}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
