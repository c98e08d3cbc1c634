import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // The leak and fault suites run against servers of their own (their configs).
  testIgnore: ["leaks/**", "faults/**"],
  forbidOnly: Boolean(process.env.CI),
  // No retries, locally or in CI: a test that passes only on its second try is a failing test.
  retries: 0,
  workers: 2,
  // The JSON report feeds the slowest-tests table `npm test` prints and `npm run test:e2e:repeat`.
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/reports/e2e.json" }]],
  outputDir: "test-results/artifacts",
  // Assertions poll for an event (an element, a URL); the cap only decides how long a real failure
  // takes to report, so it is set for a loaded 2-core machine rather than a fast laptop.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath || undefined,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // Accounts need a database the admin command can reach while the site runs: PostgreSQL
    // (DATABASE_URL). scripts/test.sh provides one; the embedded PGlite is single-process.
    command: `npm run db:migrate && node scripts/serve.mjs -p ${port} -H 127.0.0.1`,
    env: {
      // The tests stand in for one proxy: specs that need a rate-limit bucket of their own send
      // X-Forwarded-For, the browser's requests count as the socket's (127.0.0.1).
      TRUSTED_PROXY_HOPS: "1",
      SITE_URL: `http://127.0.0.1:${port}`,
      // No Stripe keys in tests: the demo billing mode, said explicitly as production requires.
      BILLING_MODE: "demo",
      OUTBOX_DIR: process.env.OUTBOX_DIR ?? "test-results/outbox",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
