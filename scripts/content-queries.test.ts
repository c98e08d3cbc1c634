// `npm run content:queries` is what content writers run: a broken query must come out with its
// file, line, field and reason, and a clean tree must exit 0.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function run(dir: string, args: string[] = []): { code: number; output: string } {
  try {
    const out = execFileSync("npx", ["tsx", "scripts/content-queries.ts", ...args], {
      encoding: "utf8",
      stdio: "pipe",
      env: { ...process.env, CONTENT_DIR: dir },
    });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stderr: string; stdout: string };
    return { code: e.status, output: e.stderr + e.stdout };
  }
}

describe("content:queries", () => {
  it("passes the fixture", () => {
    const result = run("tests/fixtures/content");
    expect(result.output).toContain("0 problems in");
    expect(result.code).toBe(0);
  });

  it("prints file:line:column, field and reason for a broken query and a sentinel detection", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-queries-"));
    fs.cpSync("tests/fixtures/content", dir, { recursive: true });
    fs.cpSync("content/registry/kusto-tables", path.join(dir, "registry/kusto-tables"), { recursive: true });
    const splunk = path.join(dir, "techniques/T1059.001/detections/splunk.mdx");
    fs.writeFileSync(
      splunk,
      fs.readFileSync(splunk, "utf8").replace('"* -enc*"\n', '"* -enc*"\n  | stast count\n'),
    );
    const sentinel = path.join(dir, "techniques/T1059.001/detections/sentinel.mdx");
    fs.writeFileSync(
      sentinel,
      fs
        .readFileSync(splunk, "utf8")
        .replace("platform: splunk", "platform: sentinel")
        .replace("language: spl", "language: kql")
        .replace(
          /query: \|[\s\S]*?---/,
          "query: |\n  DeviceProcessEvents\n  | where ProcessCommandline has '-enc'\n---",
        ),
    );
    try {
      const result = run(dir, ["T1059.001"]);
      expect(result.code).toBe(1);
      // The planted line's own number, so fixture edits above it do not break the test.
      const plantedLine = fs.readFileSync(splunk, "utf8").split("\n").indexOf("  | stast count") + 1;
      expect(plantedLine).toBeGreaterThan(0);
      expect(result.output).toContain(
        `techniques/T1059.001/detections/splunk.mdx:${plantedLine}:5 query [spl]: "stast" is not an SPL command`,
      );
      expect(result.output).toMatch(
        /techniques\/T1059\.001\/detections\/sentinel\.mdx:\d+:11 query \[kql\]: KS142: The name 'ProcessCommandline'/,
      );
      expect(run(dir, ["T9999"]).output).toContain("no such technique folder");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
