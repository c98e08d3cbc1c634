// `npm run content:queries [-- T1003.001 T1021.002 ...]`: checks every query in content/
// (detections, tuning exclusions, query code blocks in Pro sections) and prints each problem
// as "file:line:column field [language]: message". Files whose frontmatter cannot be read are
// reported too, since their queries cannot be checked. Exit 1 on any problem.
import fs from "node:fs";
import path from "node:path";
import { contentDir } from "@/lib/content/location";
import { readCorpus } from "@/lib/verify/corpus";
import { collectQueries } from "@/lib/verify/extract";
import { checkQueries } from "@/lib/verify/check-queries";
import { kustoGlobals, loadKustoTables } from "@/lib/verify/kusto/tables";

const dir = contentDir();
const only = process.argv.slice(2).filter((a) => a !== "--");
const unknown = only.filter((id) => !fs.existsSync(path.join(dir, "techniques", id)));
if (unknown.length > 0) {
  console.error(`no such technique folder in ${dir}/techniques: ${unknown.join(", ")}`);
  process.exit(2);
}
const unreadable = readCorpus(dir, only).issues;
for (const i of unreadable) console.log(`${i.file}: ${i.field}: ${i.reason} (its queries were not checked)`);
const items = collectQueries(dir, only);
const tables = loadKustoTables(dir);
const reports = checkQueries(items, { kustoGlobals: kustoGlobals(tables) });
for (const r of reports)
  console.log(`${r.file}:${r.line}:${r.column} ${r.field} [${r.language}]: ${r.message}`);

const total = reports.length + unreadable.length;
console.log(
  `\n${total} problem${total === 1 ? "" : "s"} in ${items.length} queries (EQL, ES|QL, SPL, YARA-L, LogScale and KQL; ` +
    `${tables.length} Kusto tables declared in ${dir}/registry/kusto-tables)`,
);
process.exit(total > 0 ? 1 : 0);
