// `npm run bench:sigma`: rules converted per second per backend, over the corpus's Sigma rules
// repeated to 5,000. Parsing is timed once on its own (the baseline every backend shares), then
// each backend converts the parsed rules; refusals count as conversions (they are answers too).
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { convertRule } from "@/lib/sigma/backends/convert";
import { loadPipelines } from "@/lib/sigma/backends/pipeline";
import { TARGETS } from "@/lib/sigma/backends/types";
import { parseSigma } from "@/lib/sigma/engine/parse";

const TOTAL = 5000;
const dir = path.join(process.cwd(), "content/techniques");
const sources = fs
  .readdirSync(dir)
  .filter((id) => fs.existsSync(path.join(dir, id, "sigma.yml")))
  .map((id) => fs.readFileSync(path.join(dir, id, "sigma.yml"), "utf8"));
const texts = Array.from({ length: TOTAL }, (_, i) => sources[i % sources.length]!);
loadPipelines();

let start = performance.now();
const rules = texts.map((t) => parseSigma(t).rules[0]!);
const parseMs = performance.now() - start;
const rate = (ms: number) => Math.round((TOTAL / ms) * 1000);
console.log(`corpus: ${sources.length} rules repeated to ${TOTAL}`);
console.log(`parse+validate: ${rate(parseMs).toLocaleString("en")} rules/s (${parseMs.toFixed(0)} ms)`);
for (const target of TARGETS) {
  let refused = 0;
  start = performance.now();
  for (const rule of rules) if ("error" in convertRule(rule, target)) refused++;
  const ms = performance.now() - start;
  console.log(
    `${target.padEnd(7)} ${rate(ms).toLocaleString("en").padStart(9)} rules/s (${ms.toFixed(0)} ms, ${(parseMs / ms).toFixed(1)}x parse speed, ${refused} refused)`,
  );
}
start = performance.now();
for (const target of TARGETS) for (const t of texts) convertRule(parseSigma(t).rules[0]!, target);
const endToEnd = performance.now() - start;
console.log(
  `end to end (parse + convert, all 5 backends): ${rate(endToEnd / TARGETS.length).toLocaleString("en")} rules/s per backend`,
);
