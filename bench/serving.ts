// npm run bench:serving: requests/s, p50/p99 and errors (wrk on loopback) for the production server
// (scripts/serve.mjs) on a detection page, the home page, the matrix, a Sigma download, an API call
// and a Pro section signed in as Pro; in the same run a bare Next.js page (the framework's floor),
// nginx serving the same prerendered HTML (the machine's ceiling) and the production front
// (deploy/nginx) before the app. Prints a table and the ratios, writes bench/results/serving-*.json.
// Options (environment): NEXT_DIST_DIR (default .next-serving; built first when missing),
// BENCH_SECONDS (8), BENCH_CONNECTIONS (20), DATABASE_URL (else scripts/local-postgres.sh makes
// the database atlas_bench_serving), BARE_NEXT_DIR (a bare app built by an earlier run, reused).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { buildBareNext } from "./lib/bare-next";
import { startServer, type ChildServer } from "./lib/child-server";
import { nginxAvailable, startFront, startStatic, type RunningNginx } from "./lib/nginx";
import { proSessionCookie } from "./lib/pro-session";
import { loadTest, type LoadResult } from "./lib/wrk";

const REPO = path.resolve(import.meta.dirname, "..");
const DIST = process.env.NEXT_DIST_DIR || ".next-serving";
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20);
const PORTS = { app: 3320, bare: 3321, nginx: 3322, front: 3323 };
const APP = `http://127.0.0.1:${PORTS.app}`;

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const out = execFileSync("scripts/local-postgres.sh", {
    cwd: REPO,
    env: { ...process.env, ATLAS_TEST_DB: "atlas_bench_serving" },
    encoding: "utf8",
  });
  const url = out.match(/DATABASE_URL=(\S+)/)?.[1];
  if (!url) throw new Error(`scripts/local-postgres.sh gave no DATABASE_URL: ${out}`);
  return url;
}

function appEnv(database: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST,
    SITE_URL: APP,
    DATABASE_URL: database,
    BILLING_MODE: "demo",
    TRUSTED_PROXY_HOPS: "1",
  };
}

function ensureBuild(env: NodeJS.ProcessEnv) {
  if (fs.existsSync(path.join(REPO, DIST, "BUILD_ID"))) return;
  console.log(`building the app into ${DIST} (once)…`);
  execFileSync("npx", ["next", "build"], { cwd: REPO, env, stdio: "inherit" });
}

function pickPages() {
  const catalog = loadContent(contentDir());
  const technique =
    catalog.techniques.find((t) => t.id === "T1003.001" && t.detections.length) ??
    catalog.techniques.find((t) => t.detections.length);
  if (!technique) throw new Error("the content has no detection to benchmark");
  const detection = technique.detections[0]!;
  return {
    detection: `/techniques/${technique.id}/${detection.platform}`,
    sigma: `/sigma/${technique.id}.yml`,
    api: `/api/v1/detections/${encodeURIComponent(detection.id)}`,
    pro: `/api/pro/${technique.id}`,
  };
}

type Target = { name: string; group: string; url: string; headers?: Record<string, string> };
type Row = Target & LoadResult & { status: number; bytes: number };

async function measure(target: Target): Promise<Row> {
  const probe = await fetch(target.url, { headers: target.headers });
  const bytes = (await probe.arrayBuffer()).byteLength;
  if (probe.status !== 200) throw new Error(`${target.name}: ${target.url} answered ${probe.status}`);
  // A short warm-up so JIT and caches settle before the measured run.
  await loadTest(target.url, { seconds: 2, connections: CONNECTIONS, threads: 2, headers: target.headers });
  const result = await loadTest(target.url, {
    seconds: SECONDS,
    connections: CONNECTIONS,
    threads: 2,
    headers: target.headers,
  });
  return { ...target, ...result, status: probe.status, bytes };
}

async function main() {
  if (!nginxAvailable()) throw new Error("/usr/sbin/nginx is missing: apt-get install nginx");
  const database = databaseUrl();
  const env = appEnv(database);
  ensureBuild(env);
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: REPO,
    env,
    stdio: "pipe",
  });
  console.log("building the bare Next.js app…");
  const bare = buildBareNext(process.env.BARE_NEXT_DIR || undefined);
  const stops: Array<() => Promise<void>> = [];
  try {
    const app: ChildServer = await startServer(
      process.execPath,
      ["scripts/serve.mjs", "-p", String(PORTS.app), "-H", "127.0.0.1"],
      { cwd: REPO, env, port: PORTS.app, label: "scripts/serve.mjs" },
    );
    stops.push(app.stop);
    const bareServer = await bare.start(PORTS.bare);
    stops.push(bareServer.stop);
    const nginx: RunningNginx = await startStatic(PORTS.nginx, path.join(REPO, DIST, "server/app"));
    stops.push(nginx.stop);
    const front: RunningNginx = await startFront(PORTS.front, `127.0.0.1:${PORTS.app}`);
    stops.push(front.stop);

    const pages = pickPages();
    const cookie = await proSessionCookie(APP, database);
    const FRONT = `http://127.0.0.1:${PORTS.front}`;
    const NGINX = `http://127.0.0.1:${PORTS.nginx}`;
    const targets: Target[] = [
      { group: "app", name: "detection page", url: `${APP}${pages.detection}` },
      { group: "app", name: "home", url: `${APP}/` },
      { group: "app", name: "matrix", url: `${APP}/matrix` },
      { group: "app", name: "Sigma download", url: `${APP}${pages.sigma}` },
      { group: "app", name: "API detection", url: `${APP}${pages.api}` },
      { group: "app", name: "Pro section (Pro)", url: `${APP}${pages.pro}`, headers: { Cookie: cookie } },
      { group: "baseline", name: "bare Next.js page", url: `http://127.0.0.1:${PORTS.bare}/` },
      { group: "baseline", name: "nginx: detection HTML", url: `${NGINX}${pages.detection}` },
      { group: "baseline", name: "nginx: home HTML", url: `${NGINX}/` },
      { group: "front", name: "front: detection page", url: `${FRONT}${pages.detection}` },
      { group: "front", name: "front: home", url: `${FRONT}/` },
      { group: "front", name: "front: matrix", url: `${FRONT}/matrix` },
      { group: "front", name: "front: Sigma download", url: `${FRONT}${pages.sigma}` },
      {
        group: "front",
        name: "front: Pro section",
        url: `${FRONT}${pages.pro}`,
        headers: { Cookie: cookie },
      },
    ];
    const rows: Row[] = [];
    for (const target of targets) {
      const row = await measure(target);
      rows.push(row);
      console.log(
        `${row.name.padEnd(26)}${row.requestsPerSecond.toFixed(0).padStart(9)} req/s  p50 ${row.p50Ms.toFixed(1).padStart(7)} ms  p99 ${row.p99Ms.toFixed(1).padStart(7)} ms  errors ${String(row.errors).padStart(4)}  ${(row.bytes / 1024).toFixed(1)} KiB`,
      );
    }
    report(rows);
  } finally {
    for (const stop of stops.reverse()) await stop();
    bare.remove();
  }
}

function report(rows: Row[]) {
  const rps = (name: string) => rows.find((r) => r.name === name)!.requestsPerSecond;
  const ratios = {
    "detection page / bare Next.js page": rps("detection page") / rps("bare Next.js page"),
    "detection page / nginx detection HTML": rps("detection page") / rps("nginx: detection HTML"),
    "bare Next.js page / nginx detection HTML": rps("bare Next.js page") / rps("nginx: detection HTML"),
    "front detection page / nginx detection HTML":
      rps("front: detection page") / rps("nginx: detection HTML"),
    "front home / nginx home HTML": rps("front: home") / rps("nginx: home HTML"),
    "front detection page / app detection page": rps("front: detection page") / rps("detection page"),
  };
  console.log("\nratios (requests/s)");
  for (const [name, value] of Object.entries(ratios)) console.log(`  ${name.padEnd(46)}${value.toFixed(2)}x`);
  const loadAverage = os.loadavg().map((n) => Number(n.toFixed(2)));
  console.log(`load average at the end: ${loadAverage.join(", ")} (${os.cpus().length} cores)`);
  const outDir = path.join(REPO, "bench/results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `serving-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const settings = { seconds: SECONDS, connections: CONNECTIONS, threads: 2, distDir: DIST };
  fs.writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), loadAverage, cores: os.cpus().length, settings, rows, ratios },
      null,
      2,
    ),
  );
  console.log(`written ${path.relative(REPO, file)}`);
}

await main();
