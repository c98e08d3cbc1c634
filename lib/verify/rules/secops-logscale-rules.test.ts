import { describe, expect, it } from "vitest";
import { logscaleCaseSensitive } from "@/lib/verify/rules/logscale-case-sensitive";
import { regexFlavour } from "@/lib/verify/rules/regex-flavour";
import type { Rule } from "@/lib/verify/rules/types";
import { yaralNocase } from "@/lib/verify/rules/yaral-nocase";
import { detection, fixtureQueries, locate } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
const SECOPS = "techniques/T1105/detections/secops.mdx";
const LOGSCALE = "techniques/T1105/detections/logscale.mdx";
const run = (rule: Rule, source: string, file: string) =>
  fixtureQueries(source, file).flatMap((q) => rule.check(q, ruleContext()));
const rule = (events: string) =>
  `rule x {\n  meta:\n    author = "a"\n  events:\n${events}\n  condition:\n    $e\n}`;

describe("yaral-nocase", () => {
  it("reports Windows names compared or matched without nocase", () => {
    const source = detection(
      "yara-l",
      rule(
        '    $e.target.process.file.full_path = "C:\\\\Windows\\\\System32\\\\certutil.exe"\n    re.regex($e.principal.process.file.full_path, `\\\\winword\\.exe$`)',
      ),
    );
    expect(run(yaralNocase, source, SECOPS).map(where)).toEqual([
      locate(source, '"C:', 0, SECOPS),
      locate(source, "`\\\\winword", 0, SECOPS),
    ]);
  });

  it("passes nocase, (?i) and strings.to_lower() with a lower-case literal", () => {
    const source = detection(
      "yara-l",
      rule(
        '    $e.target.process.file.full_path = "C:\\\\Windows\\\\System32\\\\certutil.exe" nocase\n    re.regex($e.principal.process.file.full_path, `(?i)\\\\winword\\.exe$`)\n    strings.to_lower($e.target.process.file.full_path) = "c:\\\\windows\\\\x.exe"',
      ),
    );
    expect(run(yaralNocase, source, SECOPS)).toEqual([]);
  });
});

describe("logscale-case-sensitive", () => {
  it("reports field=value, regex without i, and in() without ignoreCase", () => {
    const source = detection(
      "logscale",
      '#event_simpleName=ProcessRollup2 FileName="cmd.exe"\n| ImageFileName=/\\\\rundll32\\.exe$/\n| in(ParentBaseFileName, values=["winword.exe"])',
    );
    expect(run(logscaleCaseSensitive, source, LOGSCALE).map(where)).toEqual([
      locate(source, '"cmd.exe"', 0, LOGSCALE),
      locate(source, "/\\\\rundll32", 0, LOGSCALE),
      locate(source, '"winword.exe"', 0, LOGSCALE),
    ]);
  });

  it("passes /…/i and ignoreCase=true", () => {
    const source = detection(
      "logscale",
      '#event_simpleName=ProcessRollup2 FileName=/^cmd\\.exe$/i\n| in(ParentBaseFileName, values=["winword.exe"], ignoreCase=true)',
    );
    expect(run(logscaleCaseSensitive, source, LOGSCALE)).toEqual([]);
  });
});

describe("regex-flavour", () => {
  it("reports a lookahead in a YARA-L (RE2) regex and an anchor in ES|QL RLIKE (Lucene)", () => {
    const yaral = detection(
      "yara-l",
      rule("    re.regex($e.target.process.command_line, `(?i)-enc(?!oded)`)"),
    );
    expect(run(regexFlavour, yaral, SECOPS).map(where)).toEqual([locate(yaral, "`(?i)", 0, SECOPS)]);
    const esql = detection("esql", 'FROM logs-*\n| WHERE process.command_line RLIKE "^.*-enc.*"');
    const file = "techniques/T1105/detections/elastic.mdx";
    expect(run(regexFlavour, esql, file).map(where)).toEqual([locate(esql, '"^.*', 0, file)]);
  });

  it("passes patterns each engine supports", () => {
    const yaral = detection(
      "yara-l",
      rule("    re.regex($e.target.process.command_line, `(?i)\\\\\\\\127\\.0\\.0\\.1\\\\`)"),
    );
    expect(run(regexFlavour, yaral, SECOPS)).toEqual([]);
    const esql = detection("esql", 'FROM logs-*\n| WHERE process.command_line RLIKE ".*-enc.*"');
    expect(run(regexFlavour, esql, "techniques/T1105/detections/elastic.mdx")).toEqual([]);
  });
});
