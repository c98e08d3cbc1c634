// npm run bench:lighthouse [-- --dist .next-weight --port 3301 --runs 3 | --url http://host:port]:
// Lighthouse (mobile preset, its default simulated throttling) with Debian's Chromium on the home
// page, a detection page, the matrix and pricing, served by the production server (scripts/serve.mjs,
// what `npm start` runs) from a build. Prints the four category scores and LCP/CLS/TBT/FCP, writes
// bench/results/lighthouse.json, and exits 1 when a page misses the targets in bench/README.md.
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium";

const { values } = parseArgs({
  options: {
    dist: { type: "string" },
    port: { type: "string", default: "3301" },
    url: { type: "string" },
    runs: { type: "string", default: "1" },
    detection: { type: "string" },
  },
});
const dist = values.dist ?? process.env.NEXT_DIST_DIR ?? ".next";
const runs = Math.max(1, Number(values.runs));
const TARGETS = { performance: 95, accessibility: 100, cls: 0.02 };
// The same switches the e2e suite gives Chromium, plus headless.
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

/** A detection page from the build, so the bench works on any corpus. */
function detectionPath(): string {
  if (values.detection) return values.detection;
  const dir = path.join(dist, "server", "app", "techniques");
  const technique = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()[0];
  const platform = technique && fs.readdirSync(path.join(dir, technique)).find((f) => f.endsWith(".html"));
  if (!technique || !platform) throw new Error(`no prerendered detection page under ${dir}`);
  return `/techniques/${technique}/${platform.replace(/\.html$/, "")}`;
}

async function waitUntilUp(origin: string, server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin} did not answer within 60 s`);
}

function startServer(port: string): ChildProcess {
  const origin = `http://127.0.0.1:${port}`;
  return spawn(process.execPath, ["scripts/serve.mjs", "-p", port, "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: dist,
      SITE_URL: origin,
      BILLING_MODE: "demo",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

type Row = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
};

async function audit(url: string, port: number, name: string, route: string): Promise<Row> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error" });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => audits[id]?.numericValue ?? NaN;
  return {
    page: name,
    path: route,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcpMs: Math.round(metric("largest-contentful-paint")),
    cls: Number(metric("cumulative-layout-shift").toFixed(3)),
    tbtMs: Math.round(metric("total-blocking-time")),
    fcpMs: Math.round(metric("first-contentful-paint")),
  };
}

const server = values.url ? undefined : startServer(values.port!);
const origin = values.url?.replace(/\/$/, "") ?? `http://127.0.0.1:${values.port}`;
const pages: Array<[string, string]> = [
  ["home", "/"],
  ["detection", detectionPath()],
  ["matrix", "/matrix"],
  ["pricing", "/pricing"],
];
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath || "/usr/bin/chromium",
  chromeFlags: CHROME_FLAGS,
});
const rows: Row[] = [];
try {
  if (server) await waitUntilUp(origin, server);
  for (const [name, route] of pages) {
    // One warm-up request so the first audit does not measure the server's cold start.
    await fetch(`${origin}${route}`);
    const attempts: Row[] = [];
    for (let i = 0; i < runs; i++) attempts.push(await audit(`${origin}${route}`, chrome.port, name, route));
    // The median run by performance score, as Lighthouse's own docs advise for noisy machines.
    attempts.sort((a, b) => a.performance - b.performance);
    rows.push(attempts[Math.floor(attempts.length / 2)]!);
  }
} finally {
  chrome.kill();
  server?.kill("SIGTERM");
}

const columns: Array<[string, (r: Row) => string]> = [
  ["page", (r) => r.page],
  ["perf", (r) => String(r.performance)],
  ["a11y", (r) => String(r.accessibility)],
  ["best", (r) => String(r.bestPractices)],
  ["seo", (r) => String(r.seo)],
  ["LCP ms", (r) => String(r.lcpMs)],
  ["CLS", (r) => String(r.cls)],
  ["TBT ms", (r) => String(r.tbtMs)],
  ["FCP ms", (r) => String(r.fcpMs)],
];
const misses = (r: Row) =>
  [
    r.performance < TARGETS.performance && `performance < ${TARGETS.performance}`,
    r.accessibility < TARGETS.accessibility && `accessibility < ${TARGETS.accessibility}`,
    r.cls > TARGETS.cls && `CLS > ${TARGETS.cls}`,
  ].filter(Boolean);
console.log(`Lighthouse (mobile preset), ${origin}, median of ${runs} run(s) per page`);
console.log(columns.map(([h]) => h.padEnd(11)).join(""));
for (const r of rows) {
  const missed = misses(r);
  console.log(
    columns.map(([, f]) => f(r).padEnd(11)).join("") +
      (missed.length ? `  MISSES: ${missed.join(", ")}` : "  ok"),
  );
}
const out = path.resolve("bench/results/lighthouse.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), origin, runs, targets: TARGETS, rows }, null, 2)}\n`,
);
console.log(`JSON: ${path.relative(process.cwd(), out)}`);
if (rows.some((r) => misses(r).length > 0)) process.exit(1);
