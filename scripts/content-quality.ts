// `npm run content:quality [-- T1003.001 ...] [-- --report FILE]`: every content quality check
// (loader, ATT&CK, Sigma, queries, required sections, duplicate prose, links), problems grouped by
// technique as "file: field: reason [check]". Exit 1 on any problem.
import fs from "node:fs";
import { contentDir } from "@/lib/content/location";
import { runQualityChecks } from "@/lib/verify/run-all";

const args = process.argv.slice(2).filter((a) => a !== "--");
const reportAt = args.indexOf("--report");
const reportFile = reportAt === -1 ? undefined : args[reportAt + 1];
const only = args.filter((a, i) => i !== reportAt && i !== reportAt + 1);

const dir = contentDir();
const grouped = runQualityChecks(dir, only);
const lines: string[] = [];
let total = 0;
for (const [technique, issues] of [...grouped].sort(([a], [b]) =>
  a.localeCompare(b, "en", { numeric: true }),
)) {
  total += issues.length;
  lines.push(`${technique} (${issues.length} problem${issues.length === 1 ? "" : "s"})`);
  for (const i of issues) lines.push(`  ${i.file}: ${i.field}: ${i.reason} [${i.check}]`);
  lines.push("");
}
lines.push(`${total} problem${total === 1 ? "" : "s"} in ${grouped.size} technique(s) (${dir})`);
const output = lines.join("\n");
console.log(output);
if (reportFile)
  fs.writeFileSync(
    reportFile,
    `Generated ${new Date().toISOString()} by npm run content:quality\n\n${output}\n`,
  );
process.exit(total > 0 ? 1 : 0);
