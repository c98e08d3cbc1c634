// `npm run bench:sigma`: rules converted per second per backend, over the corpus's Sigma rules
// repeated to 5,000, then the time to answer each hostile input of issue 12. Parsing is timed once on its own (the baseline every backend shares), then
// each backend converts the parsed rules; refusals count as conversions (they are answers too).
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { convertRule } from "@/lib/sigma/backends/convert";
import { loadPipelines } from "@/lib/sigma/backends/pipeline";
import { TARGETS } from "@/lib/sigma/backends/types";
import { evaluateEvent } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";
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
    `${target.padEnd(9)} ${rate(ms).toLocaleString("en").padStart(9)} rules/s (${ms.toFixed(0)} ms, ${(parseMs / ms).toFixed(1)}x parse speed, ${refused} refused)`,
  );
}
start = performance.now();
for (const target of TARGETS) for (const t of texts) convertRule(parseSigma(t).rules[0]!, target);
const endToEnd = performance.now() - start;
console.log(
  `end to end (parse + convert, all ${TARGETS.length} backends): ${rate(endToEnd / TARGETS.length).toLocaleString("en")} rules/s per backend`,
);

// Correlations (issue 17): each corpus rule under event_count, value_count, temporal (with the next
// corpus rule) and temporal_ordered, 1,000 of each, converted on every backend.
const CORRELATIONS = 1000;
const corrTexts = Array.from({ length: CORRELATIONS }, (_, i) => {
  const a = sources[i % sources.length]!;
  const b = sources[(i + 1) % sources.length]!;
  const type = ["event_count", "value_count", "temporal", "temporal_ordered"][i % 4]!;
  const cond =
    type === "event_count"
      ? "\n  condition: { gte: 10 }"
      : type === "value_count"
        ? "\n  condition: { field: User, gte: 3 }"
        : "";
  const refs = type.startsWith("temporal") ? "[a, b]" : "[a]";
  return `title: c\ncorrelation:\n  type: ${type}\n  rules: ${refs}\n  group-by: [Computer]\n  timespan: 10m${cond}\n---\n${a.replace(/^title:/m, "name: a\ntitle:")}\n---\n${b.replace(/^title:/m, "name: b\ntitle:")}`;
});
start = performance.now();
const corrSets = corrTexts.map((t) => parseSigma(t).rules);
const corrParse = performance.now() - start;
console.log(
  `\ncorrelations: ${CORRELATIONS} (event_count, value_count, temporal, temporal_ordered), parsed in ${corrParse.toFixed(0)} ms`,
);
for (const target of TARGETS) {
  let refused = 0;
  start = performance.now();
  for (const set of corrSets) if ("error" in convertRule(set[0]!, target, undefined, set)) refused++;
  const ms = performance.now() - start;
  console.log(
    `${target.padEnd(9)} ${Math.round((CORRELATIONS / ms) * 1000)
      .toLocaleString("en")
      .padStart(9)} correlations/s (${ms.toFixed(0)} ms, ${refused} refused)`,
  );
}

// Hostile inputs (issue 12): each must be answered (evaluated or refused with a located error)
// in milliseconds; before the bounded engine the first took 19 s and the next two overflowed the stack.
const head = "title: t\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n";
const condition = (c: string) => `${head}  sel:\n    a: x\n  condition: '${c}'\n`;
const hostile: Array<[string, string, Record<string, unknown>]> = [
  [
    "'*a*a*a*a*b' on 400 a's",
    `${head}  sel:\n    a: '*a*a*a*a*b'\n  condition: sel\n`,
    { a: "a".repeat(400) },
  ],
  ["5,000 nested parentheses", condition(`${"(".repeat(5000)}sel${")".repeat(5000)}`), { a: "x" }],
  ["20,000 nots", condition(`${"not ".repeat(20000)}sel`), { a: "x" }],
  ["240 KB and chain", condition(Array(30000).fill("sel").join(" and ")), { a: "x" }],
  [
    "|re '^(a+)+$' on 100,000 a's",
    `${head}  sel:\n    a|re: '^(a+)+$'\n  condition: sel\n`,
    { a: `${"a".repeat(1e5)}b` },
  ],
];
for (const [name, text, event] of hostile) {
  start = performance.now();
  const { rules: parsed, diagnostics } = parseSigma(text);
  const error = diagnostics.find((d) => d.severity === "error");
  const answer = error
    ? `refused at ${error.line}:${error.column}: ${error.message.slice(0, 60)}`
    : `matched: ${evaluateEvent(parsed[0] as DetectionRule, event).matched}`;
  console.log(`${name.padEnd(30)} ${(performance.now() - start).toFixed(1).padStart(7)} ms  ${answer}`);
}
