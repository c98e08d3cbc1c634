// npm run bench:search: bytes a visitor downloads before the first result, and the time to that
// result, for the corpus and for a synthetic 3,000-detection corpus (the corpus cloned, ids renamed).
// Two designs side by side: the browser index (/search-index.json, downloaded whole, searched in the
// page) and the server endpoint the search page uses now (/search/results: one index per server
// process, a page of hits per query). Figures, not pass/fail: this machine is noisy.
import { gzipSync } from "node:zlib";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { searchDocuments, type SearchDocument } from "@/lib/search/documents";
import { loadSearchIndex } from "@/lib/search/load-index";
import { buildIndex, buildSearchIndex } from "@/lib/search/search-index";
import { runSearch } from "@/lib/search/run-search";

const QUERIES = ["lsass", "T1003", "4688", "rundll32", "SigninLogs", "powershell encoded", "cloudtrail"];
const SYNTHETIC_DETECTIONS = 3000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function browserIndex(documents: SearchDocument[], catalog: ReturnType<typeof loadContent>) {
  const json = JSON.stringify(buildSearchIndex(catalog, documents));
  // Time to first results = parse the downloaded JSON + load the index + run the first query.
  const first: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    runSearch(loadSearchIndex(JSON.parse(json)), QUERIES[run % QUERIES.length]!);
    first.push(performance.now() - start);
  }
  return { bytesBeforeFirst: gzipSync(json).length, raw: Buffer.byteLength(json), firstMs: median(first) };
}

function serverEndpoint(documents: SearchDocument[]) {
  const buildStart = performance.now();
  const index = buildIndex(documents);
  const indexBuildMs = performance.now() - buildStart;
  // Per query: search + JSON, what the route handler does; the answer's gzip size is what travels.
  const times: number[] = [];
  const answers: number[] = [];
  for (let run = 0; run < 5; run++)
    for (const q of QUERIES) {
      const start = performance.now();
      const body = JSON.stringify({ hits: runSearch(index, q) });
      times.push(performance.now() - start);
      if (run === 0) answers.push(gzipSync(body).length);
    }
  return {
    bytesBeforeFirst: Math.max(...answers),
    firstMs: median(times),
    p95Ms: percentile(times, 0.95),
    indexBuildMs,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function synthetic(base: SearchDocument[]): SearchDocument[] {
  const out: SearchDocument[] = [];
  let detections = 0;
  for (let copy = 0; detections < SYNTHETIC_DETECTIONS; copy++)
    for (const d of base) {
      if (d.kind === "detection" && detections === SYNTHETIC_DETECTIONS) continue;
      if (d.kind === "detection") detections++;
      out.push({ ...d, id: `${d.id}#${copy}`, title: `${d.title} (variant ${copy})` });
    }
  return out;
}

const catalog = loadContent(contentDir());
const base = searchDocuments(catalog);
const corpora = [
  { label: "corpus", documents: base },
  { label: `synthetic ${SYNTHETIC_DETECTIONS.toLocaleString("en")}`, documents: synthetic(base) },
];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  "corpus            detections  design                  bytes before first result (gzip)   time to first results",
);
const rows = [];
for (const { label, documents } of corpora) {
  const detections = documents.filter((d) => d.kind === "detection").length;
  const browser = browserIndex(documents, catalog);
  const server = serverEndpoint(documents);
  rows.push({ label, detections, browser, server });
  const line = (design: string, bytes: string, time: string) =>
    console.log(
      `${label.padEnd(18)}${String(detections).padStart(10)}  ${design.padEnd(24)}${bytes.padEnd(35)}${time}`,
    );
  line("browser index", `${kib(browser.bytesBeforeFirst)} (raw ${kib(browser.raw)})`, ms(browser.firstMs));
  line(
    "server /search/results",
    `${kib(server.bytesBeforeFirst)} (largest answer)`,
    `${ms(server.firstMs)} median, ${ms(server.p95Ms)} p95 (index built once per process in ${ms(server.indexBuildMs)})`,
  );
}
const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
console.log(
  `ratio ${b.label}/corpus: detections ${(b.detections / a.detections).toFixed(1)}x; browser index bytes ${(b.browser.bytesBeforeFirst / a.browser.bytesBeforeFirst).toFixed(1)}x, time ${(b.browser.firstMs / a.browser.firstMs).toFixed(1)}x; server answer bytes ${(b.server.bytesBeforeFirst / a.server.bytesBeforeFirst).toFixed(1)}x, time ${(b.server.firstMs / a.server.firstMs).toFixed(1)}x`,
);
console.log(
  "Server times are in-process (search + JSON); loopback HTTP adds about a millisecond. The search page's own HTML and scripts are counted by npm run bench:weight.",
);
console.log(
  `load average: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")}`,
);
