// Prints the test-suite budget after `npm test`: how long each stage took (from the timings file
// scripts/test.sh appends to) and the ten slowest tests across the unit, e2e, leak and fault
// suites (from their JSON reports). Missing reports are skipped: a run that stopped early still
// gets the part of its table it has.
import fs from "node:fs";
import path from "node:path";

const REPORTS = "test-results/reports";

type Timed = { suite: string; title: string; seconds: number; status: string };

type PwResult = { duration: number; status: string };
type PwSpec = { title: string; file: string; line: number; tests: { results: PwResult[] }[] };
type PwSuite = { title: string; specs?: PwSpec[]; suites?: PwSuite[] };

function playwrightTests(suite: string, file: string): Timed[] {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { suites: PwSuite[] };
  const out: Timed[] = [];
  const walk = (s: PwSuite) => {
    for (const spec of s.specs ?? [])
      for (const test of spec.tests)
        for (const result of test.results)
          out.push({
            suite,
            title: `${spec.file}:${spec.line} ${spec.title}`,
            seconds: result.duration / 1000,
            status: result.status,
          });
    for (const child of s.suites ?? []) walk(child);
  };
  report.suites.forEach(walk);
  return out;
}

type VitestReport = {
  testResults: {
    name: string;
    assertionResults: { fullName: string; duration?: number | null; status: string }[];
  }[];
};

function vitestTests(file: string): Timed[] {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as VitestReport;
  return report.testResults.flatMap((f) =>
    f.assertionResults.map((a) => ({
      suite: "unit",
      title: `${path.relative(process.cwd(), f.name)} ${a.fullName}`,
      seconds: (a.duration ?? 0) / 1000,
      status: a.status,
    })),
  );
}

function stages(): { name: string; seconds: number; status: string }[] {
  const file = path.join(REPORTS, "stages.tsv");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [name = "", milliseconds = "0", status = ""] = line.split("\t");
      return { name, seconds: Number(milliseconds) / 1000, status };
    });
}

const minutes = (s: number) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;

const stageRows = stages();
console.log("\nTest-suite budget");
for (const s of stageRows)
  console.log(`  ${s.name.padEnd(12)} ${minutes(s.seconds).padStart(7)}  ${s.status}`);
const total = stageRows.reduce((sum, s) => sum + s.seconds, 0);
console.log(`  ${"total".padEnd(12)} ${minutes(total).padStart(7)}`);

const tests: Timed[] = [];
const sources: [string, string][] = [
  ["e2e", "e2e.json"],
  ["leaks", "leaks.json"],
  ["faults", "faults.json"],
];
for (const [suite, name] of sources) {
  const file = path.join(REPORTS, name);
  if (fs.existsSync(file)) tests.push(...playwrightTests(suite, file));
}
const unitFile = path.join(REPORTS, "unit.json");
if (fs.existsSync(unitFile)) tests.push(...vitestTests(unitFile));

console.log("\nTen slowest tests");
for (const t of tests.sort((a, b) => b.seconds - a.seconds).slice(0, 10))
  console.log(
    `  ${t.seconds.toFixed(1).padStart(6)}s  ${t.suite.padEnd(6)} ${t.title}${t.status === "passed" ? "" : ` [${t.status}]`}`,
  );
