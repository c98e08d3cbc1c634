// Debian's Chromium as the e2e suites (playwright.config.ts) and the Lighthouse benchmark
// (bench/lighthouse.ts) run it: Playwright cannot download browsers here.
import fs from "node:fs";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium when present (empty CHROMIUM_PATH: Playwright's own). */
export const chromiumPath: string | undefined =
  process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Switches for a sandbox-less container without GPU, network side traffic or first-run prompts. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
