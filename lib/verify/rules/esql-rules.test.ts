import { describe, expect, it } from "vitest";
import { esqlCaseSensitive } from "@/lib/verify/rules/esql-case-sensitive";
import { esqlLikeEscape } from "@/lib/verify/rules/esql-like-escape";
import type { Rule } from "@/lib/verify/rules/types";
import { detection, fixtureQueries, locate } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const FILE = "techniques/T1071.001/detections/elastic.mdx";
const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
const run = (rule: Rule, source: string) =>
  fixtureQueries(source, FILE).flatMap((q) => rule.check(q, ruleContext()));

describe("esql-case-sensitive", () => {
  it("reports ==, IN and LIKE against Windows names without TO_LOWER, at the literal", () => {
    const source = detection(
      "esql",
      [
        "FROM logs-endpoint.events.process-*",
        '| WHERE process.name == "WMIC.exe" OR process.parent.name IN ("explorer.exe", "x")',
        '| WHERE TO_LOWER(process.executable) LIKE "*\\\\\\\\Temp\\\\\\\\*.EXE"',
      ].join("\n"),
    );
    expect(run(esqlCaseSensitive, source).map(where)).toEqual([
      locate(source, '"WMIC.exe"', 0, FILE),
      locate(source, '"explorer.exe"', 0, FILE),
      locate(source, '"*\\\\\\\\Temp', 0, FILE),
    ]);
  });

  it("passes TO_LOWER() with lower-case literals and non-Windows values", () => {
    const source = detection(
      "esql",
      'FROM logs-*\n| WHERE TO_LOWER(process.name) IN ("wmic.exe", "cmd.exe") AND event.action == "start"',
    );
    expect(run(esqlCaseSensitive, source)).toEqual([]);
  });
});

describe("esql-like-escape", () => {
  it('reports LIKE "C:\\\\Program Files*" (the pattern sees \\P) and RLIKE "\\\\P", with a triple-quoted fix', () => {
    const source = detection(
      "esql",
      'FROM logs-*\n| WHERE process.executable LIKE "C:\\\\Program Files*" OR file.path RLIKE "C:\\\\Users\\\\.*"',
    );
    const findings = run(esqlLikeEscape, source);
    expect(findings.map(where)).toEqual([
      locate(source, '"C:\\\\Program', 0, FILE),
      locate(source, '"C:\\\\Users', 0, FILE),
    ]);
    expect(findings[0]!.suggestions).toEqual(['"""C:\\\\Program Files*"""']);
  });

  it('passes "C:\\\\\\\\Program Files*" and """C:\\\\Program Files*"""', () => {
    const source = detection(
      "esql",
      'FROM logs-*\n| WHERE process.executable LIKE "C:\\\\\\\\Program Files*" OR process.executable LIKE """C:\\\\Program Files*"""',
    );
    expect(run(esqlLikeEscape, source)).toEqual([]);
  });
});
