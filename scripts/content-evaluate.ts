// content:evaluate: runs a detection's native query against its platform samples (or your own
// exported events) and prints, per event, matched or not and the clause that decided.
//   npm run content:evaluate -- <technique> [--platform <id>] [--events <file>] [--exclusions] [--json]
//   npm run content:evaluate                 corpus summary per platform
// Exit 0: all as expected; 1: a mismatch (or a query not evaluated); 2: usage.
import fs from "node:fs";
import { parse } from "yaml";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import {
  platformSamplesSchema,
  toPlatformSamples,
  type PlatformSamples,
} from "@/lib/content/platform-samples";
import { evaluateCorpus, figures, kustoTablesFor } from "@/lib/native-eval/corpus";
import { evaluateDetection, outcomeAsExpected, type DetectionEvaluation } from "@/lib/native-eval/run";

const USAGE =
  "usage: npm run content:evaluate -- [<technique>] [--platform <id>] [--events <file>] [--exclusions] [--json]";

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out: { technique?: string; platform?: string; events?: string; json: boolean; exclusions: boolean } =
    {
      json: false,
      exclusions: false,
    };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") out.json = true;
    else if (a === "--exclusions") out.exclusions = true;
    else if (a === "--platform" || a === "--events") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) usage(`${a} needs a value`);
      if (a === "--platform") out.platform = v;
      else out.events = v;
    } else if (a.startsWith("--")) usage(`unknown option ${a}`);
    else if (out.technique) usage(`unexpected argument ${a}`);
    else out.technique = a;
  }
  if (out.events && !out.technique) usage("--events needs a technique");
  return out;
}

/** A platform samples file, or a plain list of exported rows (no expectations: all printed as found). */
function readEvents(
  file: string,
  fallbackShape: string,
): { samples: PlatformSamples; expectations: boolean } {
  if (!fs.existsSync(file)) usage(`no such file: ${file}`);
  const data: unknown = parse(fs.readFileSync(file, "utf8"));
  const asSamples = platformSamplesSchema.safeParse(data);
  if (asSamples.success) return { samples: toPlatformSamples(asSamples.data, file), expectations: true };
  if (!Array.isArray(data) || !data.every((e) => e && typeof e === "object" && !Array.isArray(e)))
    usage(`${file}: expected a platform samples file or a JSON/YAML array of events`);
  const rows = data as Record<string, unknown>[];
  return {
    expectations: false,
    samples: {
      shape: fallbackShape,
      now: new Date().toISOString(),
      sources: [fallbackShape],
      file,
      events: rows.map((event, i) => ({
        id: `event-${i + 1}`,
        name: `event ${i + 1}`,
        kind: "true-positive",
        source: fallbackShape,
        event,
        tagged: { ...event, __sample: `event-${i + 1}` },
      })),
    },
  };
}

function printEvaluation(label: string, e: DetectionEvaluation, expectations: boolean) {
  if (e.status === "no-samples") return console.log(`${label}: no platform samples`);
  if (e.status === "no-evaluator") return console.log(`${label}: no ${e.language} evaluator yet`);
  if (e.status === "not-evaluated")
    return console.log(`${label}: not evaluated: ${e.construct} (${e.evaluator})`);
  if (e.status === "error") return console.log(`${label}: EVALUATOR ERROR: ${e.message} (${e.evaluator})`);
  console.log(
    `${label}: evaluated on ${e.shape} (${e.evaluator}${e.withExclusions ? ", with exclusions" : ""})`,
  );
  for (const o of e.outcomes) {
    const verdict = o.actual ? "matched" : "not matched";
    const mark = !expectations ? " " : outcomeAsExpected(o, e.outcomes) ? "ok" : "MISMATCH";
    const kind = expectations ? `${o.kind === "benign" ? "benign" : "attack"} ` : "";
    console.log(
      `  ${mark.padEnd(8)} ${kind}${o.id} ${verdict}: ${o.name}${o.scenario ? ` [${o.scenario}]` : ""}`,
    );
    console.log(`           decided by: ${o.clause}`);
  }
  if (expectations)
    console.log(
      `  fires on ${e.truePositives.asExpected} of ${e.truePositives.total} attack events, silent on ${e.benign.asExpected} of ${e.benign.total} benign ones`,
    );
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = contentDir();
  const catalog = loadContent(dir);
  if (!args.technique) {
    const entries = evaluateCorpus(catalog, dir, { exclusions: args.exclusions });
    const figs = figures(entries).filter((f) => !args.platform || f.platform === args.platform);
    if (args.json) console.log(JSON.stringify(figs, null, 2));
    else
      for (const f of figs) {
        const pct = f.queries ? Math.round((100 * f.evaluated) / f.queries) : 0;
        console.log(
          `${f.platform.padEnd(13)} evaluated ${f.evaluated}/${f.queries} queries (${pct}%), as expected ${f.asExpected}/${f.evaluated}, with samples ${f.withSamples}, not evaluated ${f.notEvaluated.length}`,
        );
        for (const n of f.notEvaluated) console.log(`    ${n.technique}: not evaluated: ${n.construct}`);
      }
    const bad = entries.filter(
      (e) =>
        e.evaluation.status === "error" || (e.evaluation.status === "evaluated" && !e.evaluation.asExpected),
    );
    if (!args.json)
      for (const e of bad)
        console.log(
          `${e.evaluation.status === "error" ? `EVALUATOR ERROR (${e.evaluation.message})` : "MISMATCH"} ${e.technique.id} ${e.detection.platform}`,
        );
    process.exit(bad.length > 0 ? 1 : 0);
  }
  const technique = catalog.techniques.find((t) => t.id === args.technique);
  if (!technique) usage(`unknown technique ${args.technique}`);
  const detections = technique.detections.filter((d) => !args.platform || d.platform === args.platform);
  if (detections.length === 0) usage(`${technique.id} has no ${args.platform} detection`);
  let failed = false;
  const results: Record<string, unknown> = {};
  for (const d of detections) {
    const own = args.events ? readEvents(args.events, d.required_tables[0] ?? d.platform) : null;
    const samples = own ? own.samples : technique.platformSamples[d.platform];
    const e = evaluateDetection(d, samples, {
      kustoTables: kustoTablesFor(dir),
      exclusions: args.exclusions,
    });
    const expectations = own ? own.expectations : true;
    if (
      e.status === "error" ||
      (expectations && (e.status === "not-evaluated" || (e.status === "evaluated" && !e.asExpected)))
    )
      failed = true;
    if (args.json) results[d.platform] = e;
    else printEvaluation(`${technique.id} ${d.platform}`, e, expectations);
  }
  if (args.json) console.log(JSON.stringify(results, null, 2));
  process.exit(failed ? 1 : 0);
}

main();
