// Atomic Red Team references: each test's `atomic` entry names a test that really exists in Red
// Canary's index (../shared/reference/atomic-red-team/index.csv), under the technique it names,
// with the same number (its position in atomics/<T>/<T>.yaml) and name. Numbers shift when tests
// are added upstream, so a stale number sends the reader to the wrong test.
import fs from "node:fs";
import path from "node:path";
import type { ContentIssue } from "@/lib/content/errors";
import { arrayOf, type RawTechnique } from "@/lib/verify/corpus";

export type AtomicTest = { technique: string; number: number; name: string };
export type AtomicIndex = Map<string, AtomicTest>;

export function atomicIndexPath(): string {
  return process.env.ATOMIC_INDEX ?? path.resolve("../shared/reference/atomic-red-team/index.csv");
}

/** One CSV line into fields: quoted fields may hold commas and doubled quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) && m[0] !== "") {
    const raw = m[1]!;
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === "") break;
  }
  return out;
}

/** GUID (lower case) to its test, from the index's Technique #, Test #, Test Name and Test GUID. */
export function loadAtomicIndex(file = atomicIndexPath()): AtomicIndex {
  const [header, ...rows] = fs.readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);
  const cols = fields(header!);
  const at = (name: string) => cols.indexOf(name);
  const [tech, num, name, guid] = ["Technique #", "Test #", "Test Name", "Test GUID"].map(at);
  const index: AtomicIndex = new Map();
  for (const row of rows) {
    const f = fields(row);
    index.set(f[guid!]!.toLowerCase(), { technique: f[tech!]!, number: Number(f[num!]), name: f[name!]! });
  }
  return index;
}

export function checkAtomic(t: RawTechnique, index: AtomicIndex): ContentIssue[] {
  const file = `techniques/${t.id}/technique.mdx`;
  const issues: ContentIssue[] = [];
  arrayOf(t.technique?.data, "tests").forEach((test, i) => {
    const atomic = (
      test as { atomic?: { technique?: unknown; number?: unknown; guid?: unknown; name?: unknown } }
    ).atomic;
    if (!atomic || typeof atomic.guid !== "string") return;
    const field = `tests[${i}].atomic`;
    const real = index.get(atomic.guid.toLowerCase());
    if (!real) {
      issues.push({
        file,
        field: `${field}.guid`,
        reason: `${atomic.guid} is not in the Atomic Red Team index`,
      });
      return;
    }
    if (atomic.technique !== real.technique)
      issues.push({ file, field: `${field}.technique`, reason: `this test is under ${real.technique}` });
    if (atomic.number !== real.number)
      issues.push({
        file,
        field: `${field}.number`,
        reason: `this test is number ${real.number} in ${real.technique}`,
      });
    if (typeof atomic.name === "string" && atomic.name.trim() !== real.name.trim())
      issues.push({ file, field: `${field}.name`, reason: `the test is named "${real.name}"` });
  });
  return issues;
}
