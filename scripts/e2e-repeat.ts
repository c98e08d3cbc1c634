// `npm run test:e2e:repeat -- N`: runs the e2e suite N times in a row (default 3) against the
// current build and reports every test that failed at least once, with how often. Exit 1 if any
// did: a test that fails one run in N is a failing test, and this is how to show it is not.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npm run test:e2e:repeat -- <runs>   (got "${process.argv[2]}")`);
  process.exit(2);
}

type Result = { status: string; duration: number };
type Spec = { title: string; file: string; line: number; tests: { results: Result[] }[] };
type Suite = { specs?: Spec[]; suites?: Suite[] };

function outcomes(report: string): Map<string, Result> {
  const out = new Map<string, Result>();
  const walk = (s: Suite) => {
    for (const spec of s.specs ?? [])
      for (const test of spec.tests)
        for (const result of test.results) out.set(`${spec.file}:${spec.line} ${spec.title}`, result);
    (s.suites ?? []).forEach(walk);
  };
  (JSON.parse(fs.readFileSync(report, "utf8")) as { suites: Suite[] }).suites.forEach(walk);
  return out;
}

const dir = "test-results/reports/repeat";
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

const failures = new Map<string, number>();
const slowest = new Map<string, number>();
let total = 0;
for (let run = 1; run <= runs; run++) {
  const report = path.join(dir, `run-${run}.json`);
  console.log(`\n── e2e run ${run} of ${runs}`);
  const child = spawnSync("npx", ["playwright", "test"], {
    stdio: "inherit",
    env: { ...process.env, E2E_REPORT: report },
  });
  if (!fs.existsSync(report)) {
    console.error(`run ${run} wrote no report (exit ${child.status}): the suite did not start`);
    process.exit(1);
  }
  for (const [title, result] of outcomes(report)) {
    total++;
    if (result.status !== "passed" && result.status !== "skipped")
      failures.set(title, (failures.get(title) ?? 0) + 1);
    slowest.set(title, Math.max(slowest.get(title) ?? 0, result.duration));
  }
}

console.log(`\n${runs} runs, ${total} test results.`);
const top = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 5);
console.log("Slowest (worst run):");
for (const [title, ms] of top) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)}s  ${title}`);
if (failures.size === 0) {
  console.log("Every test passed in every run.");
} else {
  console.log("Tests that failed at least once:");
  for (const [title, count] of failures) console.log(`  ${count}/${runs}  ${title}`);
  process.exit(1);
}
