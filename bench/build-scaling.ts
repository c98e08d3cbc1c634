// npm run bench:build [-- 100 500 2000]: synthetic content of each size (bench/lib/synthetic-content.ts)
// built with `next build` into its own dist dir: wall time, peak memory of the build's process tree
// (summed RSS sampled from /proc every 250 ms) and cost per prerendered page and per detection.
// Prints a table, writes bench/results/build-scaling-*.json, removes its temporary folders.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent } from "@/lib/content/load";
import { treeRssBytes } from "./lib/proc-memory";
import { writeSyntheticContent } from "./lib/synthetic-content";

const REPO = path.resolve(import.meta.dirname, "..");
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [100, 500, 2000];

function countPages(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html")).length;
}

async function build(contentDir: string, distDir: string) {
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    SITE_URL: process.env.SITE_URL || "https://atlas.example.org",
  };
  const start = performance.now();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: REPO,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (c) => (log += c));
  child.stderr.on("data", (c) => (log += c));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(child.pid!))), 250);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`next build failed for ${contentDir}:\n${log.slice(-4000)}`);
  return { seconds: (performance.now() - start) / 1000, peakRssBytes: peak };
}

const rows = [];
for (const size of SIZES) {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-content-${size}-`));
  const distDir = `.next-scale-${size}`;
  try {
    const written = writeSyntheticContent(contentDir, size);
    loadContent(contentDir); // throws, naming file and field, if the synthetic corpus is not valid
    console.log(`building ${written.detections} detections (${written.techniques} techniques)…`);
    const result = await build(contentDir, distDir);
    const pages = countPages(path.join(REPO, distDir, "server/app"));
    const row = {
      ...written,
      pages,
      seconds: result.seconds,
      peakRssMiB: result.peakRssBytes / 2 ** 20,
      msPerPage: (result.seconds * 1000) / pages,
      msPerDetection: (result.seconds * 1000) / written.detections,
    };
    rows.push(row);
    console.log(
      `${String(row.detections).padStart(6)} detections ${String(row.pages).padStart(6)} pages  ${row.seconds.toFixed(0).padStart(5)} s  peak ${row.peakRssMiB.toFixed(0).padStart(5)} MiB  ${row.msPerPage.toFixed(0).padStart(5)} ms/page  ${row.msPerDetection.toFixed(0).padStart(5)} ms/detection`,
    );
  } finally {
    fs.rmSync(contentDir, { recursive: true, force: true });
    fs.rmSync(path.join(REPO, distDir), { recursive: true, force: true });
  }
}
const loadAverage = os.loadavg().map((n) => Number(n.toFixed(2)));
console.log(`load average at the end: ${loadAverage.join(", ")} (${os.cpus().length} cores)`);
const outDir = path.join(REPO, "bench/results");
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `build-scaling-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), loadAverage, rows }, null, 2));
console.log(`written ${path.relative(REPO, file)}`);
