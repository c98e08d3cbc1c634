// content:verify: runs every semantic and name rule over every query, exclusion and Pro query
// block; prints per platform the queries checked and names resolved, per rule how many queries it
// examined and what it found, then each finding as file:line:column. `--json <file>` writes the
// same as JSON. Exit 1 on any finding.
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "@/lib/content/location";
import { runRules } from "@/lib/verify/run-rules";

function args(argv: string[]) {
  const json = argv.indexOf("--json");
  if (json !== -1 && !argv[json + 1]) throw new Error("--json needs a file name");
  const rest = argv.filter((_, i) => i !== json && i !== json + 1);
  return {
    json: json === -1 ? undefined : argv[json + 1],
    dir: rest[0] ? path.resolve(rest[0]) : contentDir(),
  };
}

function main() {
  const { json, dir } = args(process.argv.slice(2));
  const result = runRules(dir);
  console.log(`content:verify ${dir}: ${result.queries} queries`);
  console.log("\nQueries checked per platform");
  for (const [platform, n] of Object.entries(result.byPlatform).sort())
    console.log(`  ${platform.padEnd(36)} ${n}`);
  console.log("\nNames (fields, tables, event types, enumerated values)");
  for (const n of result.names)
    console.log(
      n.registered
        ? `  ${n.platform.padEnd(10)} ${n.queries} queries, ${n.resolved} names resolved, ${n.unknown} unknown`
        : `  ${n.platform.padEnd(10)} ${n.queries} queries, names not yet checked (no rule registered)`,
    );
  console.log("\nSemantic rules (queries examined / findings)");
  for (const r of result.rules)
    console.log(`  ${r.id.padEnd(30)} ${String(r.examined).padStart(5)} ${String(r.findings).padStart(5)}`);
  if (result.findings.length > 0) {
    console.log(`\n${result.findings.length} findings`);
    for (const f of result.findings) {
      console.log(`${f.file}:${f.line}:${f.column} [${f.rule}] ${f.message}`);
      if (f.suggestions?.length) console.log(`    suggestions: ${f.suggestions.slice(0, 5).join(" | ")}`);
    }
  }
  if (json) fs.writeFileSync(json, JSON.stringify({ ...result, runs: undefined }, null, 2) + "\n");
  process.exit(result.findings.length > 0 ? 1 : 0);
}

main();
