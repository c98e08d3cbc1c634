// The loader must reject broken content with the file, the field and the reason.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { ContentError, type ContentIssue } from "@/lib/content/errors";

const FIXTURE = path.resolve("tests/fixtures/content");
const T = "techniques/T1059.001";
const made: string[] = [];

/** A throw-away copy of the valid fixture tree, changed by `mutate`. */
function brokenCopy(mutate: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-content-"));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  made.push(dir);
  mutate(dir);
  return dir;
}

function edit(dir: string, file: string, from: string | RegExp, to: string) {
  const p = path.join(dir, file);
  const before = fs.readFileSync(p, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit did not apply to ${file}`);
  fs.writeFileSync(p, after);
}

function issuesOf(dir: string): ContentIssue[] {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("loadContent", () => {
  it("loads the valid fixture", () => {
    const catalog = loadContent(FIXTURE);
    expect(catalog.techniques.map((t) => t.id)).toEqual(["T1059.001"]);
    const t = catalog.techniques[0]!;
    expect(t.detections.map((d) => d.platform)).toEqual(["elastic", "splunk"]); // registry order
    expect(t.proSections).toHaveLength(5);
    expect(t.sigma.rule.level).toBe("medium");
  });

  it("never puts Pro text into the catalog", () => {
    expect(JSON.stringify(loadContent(FIXTURE), (_k, v) => (v instanceof Map ? [...v] : v))).not.toContain(
      "CANARY-PRO",
    );
  });

  const cases: Array<[string, (dir: string) => void, Partial<ContentIssue>]> = [
    [
      "a missing field",
      (d) => edit(d, `${T}/detections/splunk.mdx`, /^severity: medium\n/m, ""),
      { file: `${T}/detections/splunk.mdx`, field: "severity" },
    ],
    [
      "a wrong enum value",
      (d) => edit(d, `${T}/detections/splunk.mdx`, "confidence: low", "confidence: certain"),
      { file: `${T}/detections/splunk.mdx`, field: "confidence" },
    ],
    [
      "a bad ATT&CK id format",
      (d) => edit(d, `${T}/technique.mdx`, "related: [T1027]", "related: [T1027.1]"),
      { file: `${T}/technique.mdx`, field: "related[0]" },
    ],
    [
      "a bad tactic",
      (d) => edit(d, `${T}/technique.mdx`, "tactics: [execution]", "tactics: [lateral_movement]"),
      { file: `${T}/technique.mdx`, field: "tactics[0]" },
    ],
    [
      "invalid Sigma YAML",
      (d) => edit(d, `${T}/sigma.yml`, "condition: selection", "condition: [selection"),
      { file: `${T}/sigma.yml`, field: "(file)" },
    ],
    [
      "a Sigma rule failing the schema",
      (d) => edit(d, `${T}/sigma.yml`, "level: medium", "level: severe"),
      { file: `${T}/sigma.yml`, field: "level" },
    ],
    [
      "a Sigma rule without its ATT&CK tag",
      (d) => edit(d, `${T}/sigma.yml`, "  - attack.t1059.001\n", ""),
      { file: `${T}/sigma.yml`, field: "tags" },
    ],
    [
      "a platform page without its technique",
      (d) => {
        fs.mkdirSync(path.join(d, "techniques/T1003.001/detections"), { recursive: true });
        fs.copyFileSync(
          path.join(d, T, "detections/splunk.mdx"),
          path.join(d, "techniques/T1003.001/detections/splunk.mdx"),
        );
      },
      { file: "techniques/T1003.001/detections/splunk.mdx", field: "technique" },
    ],
    [
      "a duplicate id",
      (d) => {
        const elastic = fs.readFileSync(path.join(d, T, "detections/elastic.mdx"), "utf8");
        const id = /^id: (.+)$/m.exec(elastic)![1]!;
        edit(d, `${T}/detections/splunk.mdx`, /^id: .+$/m, `id: ${id}`);
      },
      { field: "id", reason: expect.stringContaining("duplicate id") as unknown as string },
    ],
    [
      "an unknown platform",
      (d) =>
        fs.renameSync(path.join(d, T, "detections/splunk.mdx"), path.join(d, T, "detections/qradar.mdx")),
      { file: `${T}/detections/qradar.mdx`, field: "platform" },
    ],
    [
      "a language the platform does not speak",
      (d) => edit(d, `${T}/detections/splunk.mdx`, "language: spl", "language: kql"),
      { file: `${T}/detections/splunk.mdx`, field: "language" },
    ],
    [
      "an unknown data source",
      (d) => edit(d, `${T}/detections/splunk.mdx`, "data_sources: [sysmon-1]", "data_sources: [sysmon-99]"),
      { file: `${T}/detections/splunk.mdx`, field: "data_sources[0]" },
    ],
    [
      "a technique id that does not match its folder",
      (d) => edit(d, `${T}/technique.mdx`, "id: T1059.001", "id: T1059.002"),
      { file: `${T}/technique.mdx`, field: "id" },
    ],
    [
      "a malformed date",
      (d) => edit(d, `${T}/technique.mdx`, "created: 2026-11-01", "created: 01/11/2026"),
      { file: `${T}/technique.mdx`, field: "created" },
    ],
    [
      "a Pro file with the wrong section",
      (d) => edit(d, `${T}/pro/hunting-queries.mdx`, "section: hunting-queries", "section: tuning-guidance"),
      { file: `${T}/pro/hunting-queries.mdx`, field: "section" },
    ],
    [
      "a missing frontmatter block",
      (d) => fs.writeFileSync(path.join(d, T, "detections/splunk.mdx"), "just text\n"),
      { file: `${T}/detections/splunk.mdx`, field: "(frontmatter)" },
    ],
    [
      "a YAML alias bomb",
      (d) =>
        fs.writeFileSync(
          path.join(d, T, "sigma.yml"),
          'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
        ),
      { file: `${T}/sigma.yml`, field: "(file)" },
    ],
  ];

  for (const [name, mutate, expected] of cases) {
    it(`rejects ${name}, naming file, field and reason`, () => {
      const issues = issuesOf(brokenCopy(mutate));
      expect(issues).toContainEqual(
        expect.objectContaining({ ...expected, reason: expected.reason ?? expect.any(String) }),
      );
      for (const issue of issues) expect(issue.reason.length).toBeGreaterThan(5);
    });
  }

  it("reports every problem in one run", () => {
    const dir = brokenCopy((d) => {
      edit(d, `${T}/detections/splunk.mdx`, "confidence: low", "confidence: certain");
      edit(d, `${T}/sigma.yml`, "level: medium", "level: severe");
    });
    expect(issuesOf(dir).map((i) => i.file)).toEqual(
      expect.arrayContaining([`${T}/detections/splunk.mdx`, `${T}/sigma.yml`]),
    );
  });
});
