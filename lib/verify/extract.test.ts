// Queries are found in detections, exclusions and Pro code blocks, with the file line of their text.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectQueries } from "@/lib/verify/extract";

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "queries-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("collectQueries", () => {
  const dir = tree({
    "techniques/T1000/detections/splunk.mdx":
      "---\nlanguage: spl\ntuning:\n  - advice: x\n    exclusion: |\n      | where a=1\nquery: |\n  index=x\n  | stats count\n---\nBody\n",
    "techniques/T1000/pro/hunting-queries.mdx":
      "---\nsection: hunting-queries\n---\n\n## A\n\n```kql\nSigninLogs\n| take 1\n```\n\n```bash\nls\n```\n",
    "techniques/T2000/detections/splunk.mdx": "---\nlanguage: spl\nquery: index=y\n---\n",
  });
  it("finds every query with file, field and the line its text starts on", () => {
    const items = collectQueries(dir, ["T1000"]);
    expect(items.map(({ file, field, line, language }) => ({ file, field, line, language }))).toEqual([
      { file: "techniques/T1000/detections/splunk.mdx", field: "query", line: 8, language: "spl" },
      {
        file: "techniques/T1000/detections/splunk.mdx",
        field: "tuning[0].exclusion",
        line: 6,
        language: "spl",
      },
      {
        file: "techniques/T1000/pro/hunting-queries.mdx",
        field: "code block 1 (kql)",
        line: 8,
        language: "kql",
      },
    ]);
    expect(items[1]!.base).toBe("index=x\n| stats count\n");
  });
  it("reads all techniques when none are named", () => {
    expect(collectQueries(dir).filter((i) => i.file.includes("T2000"))).toHaveLength(1);
  });
});
