// `npm run sigma -- check|convert <files…> [--target splunk|kql|lucene|esql|eql|yara-l|logscale] [--pipeline name]`
// Exit codes for CI: 0 all good, 1 findings (validation errors, or a rule a target cannot
// express), 2 usage errors (unknown command or target, no files, unreadable file).
import fs from "node:fs";
import { parse } from "yaml";
import { convertRule, hiddenRules } from "@/lib/sigma/backends/convert";
import { PIPELINE_NAMES } from "@/lib/sigma/backends/named-pipelines";
import { TARGETS, type Target } from "@/lib/sigma/backends/types";
import { hasErrors, parseSigma } from "@/lib/sigma/engine/parse";
import { parseUserPipeline, type UserPipeline } from "@/lib/sigma/user-pipeline/parse";

const USAGE = `usage: npm run sigma -- check <files…>
       npm run sigma -- convert <files…> --target ${TARGETS.join("|")} [--target …] [--pipeline <name>] [--pipeline-file <pysigma-pipeline.yml>] [--values <placeholders.yml>]
pipelines: ${PIPELINE_NAMES.join(", ")} (default: each target's own, see README)`;

function usage(message: string): never {
  console.error(`sigma: ${message}\n${USAGE}`);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
if (command !== "check" && command !== "convert")
  usage(command ? `unknown command "${command}"` : "no command");
const files: string[] = [];
const targets: Target[] = [];
let pipeline: string | undefined;
let pipelineFile: string | undefined;
let valuesFile: string | undefined;
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i]!;
  if (arg === "--target" || arg === "-t") {
    const t = rest[++i];
    if (!t || !(TARGETS as readonly string[]).includes(t)) usage(`unknown target "${t ?? ""}"`);
    targets.push(t as Target);
  } else if (arg.startsWith("--target=")) {
    const t = arg.slice(9);
    if (!(TARGETS as readonly string[]).includes(t)) usage(`unknown target "${t}"`);
    targets.push(t as Target);
  } else if (arg === "--pipeline" || arg === "-p") {
    pipeline = rest[++i];
    if (!pipeline) usage("--pipeline needs a name");
  } else if (arg === "--values") {
    valuesFile = rest[++i];
    if (!valuesFile) usage("--values needs a YAML file of placeholder: [values]");
  } else if (arg === "--pipeline-file") {
    pipelineFile = rest[++i];
    if (!pipelineFile) usage("--pipeline-file needs a file");
  } else if (arg.startsWith("--pipeline=")) pipeline = arg.slice(11);
  else if (arg.startsWith("-")) usage(`unknown option "${arg}"`);
  else files.push(arg);
}
if (files.length === 0) usage("no files given");
if (command === "convert" && targets.length === 0) usage("convert needs --target");

// A user's own pipeline in pySigma's YAML format, applied before the named or default one.
let user: UserPipeline | undefined;
if (pipelineFile) {
  let text = "";
  try {
    text = fs.readFileSync(pipelineFile, "utf8");
  } catch (error) {
    usage(`cannot read ${pipelineFile}: ${(error as Error).message}`);
  }
  const { pipeline: parsedPipeline, diagnostics } = parseUserPipeline(text);
  for (const d of diagnostics)
    console.error(`${pipelineFile}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.hint})`);
  if (!parsedPipeline) process.exit(1);
  user = parsedPipeline;
}

// |expand placeholders: a YAML map of placeholder name to its list of values.
let placeholders: Record<string, string[]> | undefined;
if (valuesFile) {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(valuesFile, "utf8"), { maxAliasCount: 50 });
  } catch (error) {
    usage(`cannot read ${valuesFile}: ${(error as Error).message}`);
  }
  const ok =
    typeof raw === "object" &&
    raw !== null &&
    Object.values(raw).every(
      (v) => Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"),
    );
  if (!ok) usage(`${valuesFile}: write each placeholder as name: [value, ...]`);
  placeholders = Object.fromEntries(
    Object.entries(raw as Record<string, unknown[]>).map(([k, v]) => [k, v.map(String)]),
  );
}

let findings = 0;
// Parse every file first: a correlation may refer to rules in any of them.
const parsed = files.map((file) => {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    usage(`cannot read ${file}: ${(error as Error).message}`);
  }
  return { file, ...parseSigma(text) };
});
const all = parsed.flatMap((p) => p.rules);
const known = new Set(all.flatMap((r) => [r.id, r.name].filter((x): x is string => Boolean(x))));
const hidden = hiddenRules(all);
for (const { file, rules, diagnostics } of parsed) {
  // The "not in this file" warning is moot when another file given holds the rule.
  const shown = diagnostics.filter((d) => {
    const ref = /^rule "(.+)" is not in this file$/.exec(d.message)?.[1];
    return !(ref && known.has(ref));
  });
  for (const d of shown) {
    console.error(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.hint})`);
  }
  if (hasErrors(diagnostics)) {
    findings++;
    continue;
  }
  if (command === "check") {
    console.log(`${file}: ok (${rules.length} rule${rules.length === 1 ? "" : "s"})`);
    continue;
  }
  for (const rule of rules.filter((r) => !hidden.has(r)))
    for (const target of targets) {
      const result = convertRule(rule, target, pipeline, all, user, placeholders);
      if ("error" in result) {
        findings++;
        console.error(`${file}: ${target}: error: ${result.error}`);
      } else
        console.log(
          files.length > 1 || targets.length > 1 || rules.length > 1
            ? `# ${file} (${target}): ${rule.title}\n${result.query}\n`
            : result.query,
        );
    }
}
process.exit(findings ? 1 : 0);
