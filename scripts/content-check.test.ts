// `npm run content:check` runs before every build: a broken file must stop it with file, field and reason.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function runCheck(dir: string): { code: number; output: string } {
  try {
    const out = execFileSync("npx", ["tsx", "scripts/content-check.ts", dir], {
      encoding: "utf8",
      stdio: "pipe",
    });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stderr: string; stdout: string };
    return { code: e.status, output: e.stderr + e.stdout };
  }
}

describe("content:check", () => {
  it("passes the valid fixture", () => {
    const result = runCheck("tests/fixtures/content");
    expect(result.output).toContain("content ok: 1 techniques, 2 detections");
    expect(result.code).toBe(0);
  });

  it("fails a broken tree with file, field and reason, and catches MDX syntax errors", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-check-"));
    fs.cpSync("tests/fixtures/content", dir, { recursive: true });
    const detection = path.join(dir, "techniques/T1059.001/detections/splunk.mdx");
    fs.writeFileSync(
      detection,
      fs.readFileSync(detection, "utf8").replace("severity: medium", "severity: urgent"),
    );
    const elastic = path.join(dir, "techniques/T1059.001/detections/elastic.mdx");
    fs.appendFileSync(elastic, "\nAn unclosed <div tag {\n");
    try {
      let result = runCheck(dir);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/techniques\/T1059\.001\/detections\/splunk\.mdx: severity: .+/);
      // Once the frontmatter is fixed, the MDX body check reports the body error.
      fs.writeFileSync(
        detection,
        fs.readFileSync(detection, "utf8").replace("severity: urgent", "severity: medium"),
      );
      result = runCheck(dir);
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/detections\/elastic\.mdx: \(body\): MDX does not compile/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
