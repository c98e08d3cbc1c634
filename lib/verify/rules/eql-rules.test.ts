import { describe, expect, it } from "vitest";
import { eqlCaseSensitive } from "@/lib/verify/rules/eql-case-sensitive";
import { eqlSequenceMaxspan } from "@/lib/verify/rules/eql-sequence-maxspan";
import { eqlWildcardEquals } from "@/lib/verify/rules/eql-wildcard-equals";
import type { Rule } from "@/lib/verify/rules/types";
import { detection, fixtureQueries, locate } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const FILE = "techniques/T1059.003/detections/elastic.mdx";
const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
const run = (rule: Rule, source: string) =>
  fixtureQueries(source, FILE).flatMap((q) => rule.check(q, ruleContext()));

describe("eql-case-sensitive", () => {
  it("reports == and in against Windows names, including in tuning exclusions", () => {
    const source = detection(
      "eql",
      'process where process.pe.original_file_name == "Cmd.Exe" and process.parent.name in ("winword.exe", "excel.exe")',
      ['and not process.executable == "C:\\\\Program Files\\\\Tool\\\\tool.exe"'],
    );
    expect(run(eqlCaseSensitive, source).map(where)).toEqual([
      locate(source, '"Cmd.Exe"', 0, FILE),
      locate(source, '"winword.exe"', 0, FILE),
      locate(source, '"excel.exe"', 0, FILE),
      locate(source, '"C:\\\\Program', 0, FILE),
    ]);
  });

  it("passes :, in~, like~ and == on values that are not Windows names", () => {
    const source = detection(
      "eql",
      'process where process.name : "cmd.exe" and process.parent.name in~ ("winword.exe") and process.executable like~ "C:\\\\Users\\\\*" and event.type == "start"',
    );
    expect(run(eqlCaseSensitive, source)).toEqual([]);
  });
});

describe("eql-sequence-maxspan", () => {
  it("reports a sequence without maxspan at the sequence keyword", () => {
    const source = detection(
      "eql",
      'sequence by host.id\n  [process where process.name : "a.exe"]\n  [network where true]',
    );
    expect(run(eqlSequenceMaxspan, source).map(where)).toEqual([locate(source, "sequence", 0, FILE)]);
  });

  it("passes a sequence with maxspan", () => {
    const source = detection(
      "eql",
      "sequence by host.id with maxspan=5m\n  [process where true]\n  [network where true]",
    );
    expect(run(eqlSequenceMaxspan, source)).toEqual([]);
  });
});

describe("eql-wildcard-equals", () => {
  it("reports a wildcard compared with ==", () => {
    const source = detection(
      "eql",
      'process where process.executable == "C:\\\\Users\\\\*\\\\Temp\\\\*.exe"',
    );
    expect(run(eqlWildcardEquals, source).map(where)).toEqual([locate(source, '"C:', 0, FILE)]);
  });

  it("passes wildcards with : and like~", () => {
    const source = detection(
      "eql",
      'process where process.executable : "C:\\\\Users\\\\*" and process.name like~ "*.exe"',
    );
    expect(run(eqlWildcardEquals, source)).toEqual([]);
  });
});
