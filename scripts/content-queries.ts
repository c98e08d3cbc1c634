// `npm run content:queries [-- T1003.001 T1021.002 ...]`: checks every query in content/
// (detections, tuning exclusions, query code blocks in Pro sections) and prints each problem
// as "file:line:column field [language]: message". Exit 1 on any problem.
import { contentDir } from "@/lib/content/location";
import { collectQueries } from "@/lib/content/checks/extract";
import { checkQueries } from "@/lib/content/checks/check-queries";
import { kustoGlobals, loadKustoTables } from "@/lib/content/checks/kusto/tables";

const dir = contentDir();
const only = process.argv.slice(2).filter((a) => a !== "--");
const items = collectQueries(dir, only);
const tables = loadKustoTables(dir);
const reports = checkQueries(items, { kustoGlobals: kustoGlobals(tables) });
for (const r of reports)
  console.log(`${r.file}:${r.line}:${r.column} ${r.field} [${r.language}]: ${r.message}`);

console.log(
  `\n${reports.length} problem${reports.length === 1 ? "" : "s"} in ${items.length} queries (EQL, ES|QL, SPL, YARA-L, LogScale and KQL; ` +
    `${tables.length} Kusto tables declared in ${dir}/registry/kusto-tables)`,
);
process.exit(reports.length > 0 ? 1 : 0);
