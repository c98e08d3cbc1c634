// Every technique carries the complete set of material the portal promises: a detection or a
// documented gap per platform, all five Pro sections, samples, Sigma filters, and test commands
// for every public test.
import type { ContentIssue } from "@/lib/content/errors";
import { arrayOf, type RawTechnique } from "@/lib/verify/corpus";
import { PRO_SECTIONS } from "@/lib/content/schema";

const MIN_SAMPLES = 2;

function headings(body: string): Set<string> {
  const out = new Set<string>();
  let inCode = false;
  for (const line of body.split("\n")) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    const m = !inCode && /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) out.add(m[1]!.replace(/`/g, "").trim());
  }
  return out;
}

export function checkSections(t: RawTechnique, platforms: string[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const dir = `techniques/${t.id}`;
  const techniqueFile = `${dir}/technique.mdx`;
  if (!t.technique) return [{ file: techniqueFile, field: "(file)", reason: "missing or unreadable" }];
  const fm = t.technique.data;

  const detected = new Set(
    t.detections.map((d) =>
      d.file
        .split("/")
        .pop()!
        .replace(/\.mdx$/, ""),
    ),
  );
  const gaps = new Set(
    arrayOf(fm, "platform_gaps").map((g) => String((g as { platform?: unknown }).platform)),
  );
  for (const p of platforms)
    if (!detected.has(p) && !gaps.has(p))
      issues.push({
        file: techniqueFile,
        field: "platform_gaps",
        reason: `no detections/${p}.mdx and no platform_gaps entry explaining why ${p} is not covered`,
      });

  const pro = new Set(
    t.pro.map((f) =>
      f.file
        .split("/")
        .pop()!
        .replace(/\.mdx$/, ""),
    ),
  );
  for (const s of PRO_SECTIONS)
    if (!pro.has(s))
      issues.push({ file: `${dir}/pro/${s}.mdx`, field: "(file)", reason: "Pro section is missing" });

  const samplesFile = `${dir}/samples.yml`;
  const samples = t.samples as { true_positives?: unknown; benign?: unknown } | null;
  if (!samples) issues.push({ file: samplesFile, field: "(file)", reason: "samples.yml is missing" });
  else
    for (const key of ["true_positives", "benign"] as const) {
      const n = Array.isArray(samples[key]) ? samples[key].length : 0;
      if (n < MIN_SAMPLES)
        issues.push({
          file: samplesFile,
          field: key,
          reason: `has ${n} event(s); at least ${MIN_SAMPLES} are needed`,
        });
    }

  if (arrayOf(fm, "sigma_filters").length === 0)
    issues.push({
      file: techniqueFile,
      field: "sigma_filters",
      reason: "needs at least one Sigma filter with advice",
    });

  const testCommands = t.pro.find((f) => f.file.endsWith("/test-commands.mdx"));
  if (testCommands) {
    const found = headings(testCommands.body);
    for (const test of arrayOf(fm, "tests")) {
      const id = String((test as { id?: unknown }).id);
      if (!found.has(id))
        issues.push({
          file: testCommands.file,
          field: "(body)",
          reason: `no "## ${id}" heading for test ${id} from technique.mdx`,
        });
    }
  }
  return issues;
}
