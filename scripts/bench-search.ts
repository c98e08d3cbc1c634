// npm run bench:search: size of /search-index.json (raw and gzip) and time to first results, for the
// corpus and for a synthetic 2,000-detection corpus made by cloning it (ids renamed), so the ratio
// shows how search scales. Figures, not pass/fail: this machine is noisy.
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { searchDocuments, type SearchDocument } from "@/lib/search/documents";
import { loadSearchIndex } from "@/lib/search/load-index";
import { buildSearchIndex } from "@/lib/search/search-index";
import { runSearch } from "@/lib/search/run-search";

const QUERIES = ["lsass", "T1003", "4688", "rundll32", "SigninLogs", "powershell encoded", "cloudtrail"];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, documents: SearchDocument[], catalog: ReturnType<typeof loadContent>) {
  const json = JSON.stringify(buildSearchIndex(catalog, documents));
  const raw = Buffer.byteLength(json);
  const gzip = gzipSync(json).length;
  // Time to first results = parse the downloaded JSON + load the index + run the first query.
  const firstResults: number[] = [];
  const perQuery: number[] = [];
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const index = loadSearchIndex(JSON.parse(json));
    runSearch(index, QUERIES[run % QUERIES.length]!);
    firstResults.push(performance.now() - start);
    for (const q of QUERIES) {
      const t = performance.now();
      runSearch(index, q);
      perQuery.push(performance.now() - t);
    }
  }
  const detections = documents.filter((d) => d.kind === "detection").length;
  return { label, detections, raw, gzip, first: median(firstResults), query: median(perQuery) };
}

const catalog = loadContent(contentDir());
const base = searchDocuments(catalog);
const synthetic: SearchDocument[] = [];
let detections = 0;
for (let copy = 0; detections < 2000; copy++) {
  for (const d of base) {
    if (d.kind === "detection" && detections === 2000) continue;
    if (d.kind === "detection") detections++;
    synthetic.push({ ...d, id: `${d.id}#${copy}`, title: `${d.title} (variant ${copy})` });
  }
}

const rows = [measure("corpus", base, catalog), measure("synthetic 2,000 detections", synthetic, catalog)];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log("search index                  detections   raw         gzip        first results   per query");
for (const r of rows) {
  console.log(
    `${r.label.padEnd(30)}${String(r.detections).padStart(10)}   ${kib(r.raw).padEnd(12)}${kib(r.gzip).padEnd(12)}${`${r.first.toFixed(1)} ms`.padStart(13)}   ${`${r.query.toFixed(2)} ms`.padStart(9)}`,
  );
}
const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
console.log(
  `ratio synthetic/corpus: detections ${(b.detections / a.detections).toFixed(1)}x, gzip ${(b.gzip / a.gzip).toFixed(1)}x, first results ${(b.first / a.first).toFixed(1)}x`,
);
