import { describe, expect, it } from "vitest";
import { kqlHasWildcard } from "@/lib/verify/rules/kql-has-wildcard";
import { detection, fixtureQueries, locate } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const FILE = "techniques/T1105/detections/defender-xdr.mdx";
const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
const run = (source: string) =>
  fixtureQueries(source, FILE).flatMap((q) => kqlHasWildcard.check(q, ruleContext()));

describe("kql-has-wildcard", () => {
  it("reports * and ? in has, !has and has_any literals on path and file-name columns, in the query and an exclusion", () => {
    const source = detection(
      "kql",
      'DeviceFileEvents\n| where FolderPath has @"\\Users\\*\\AppData" or FileName has_any ("invoice?.exe", "x.exe")',
      ['| where InitiatingProcessFolderPath !has @"C:\\Program Files*"'],
    );
    expect(run(source).map(where)).toEqual([
      locate(source, '@"\\Users', 0, FILE),
      locate(source, '"invoice?', 0, FILE),
      // The exclusion sits above the query in the file; it is checked after it.
      locate(source, '@"C:\\Program', 0, FILE),
    ]);
  });

  it("passes term literals with separators, wildcards on command lines and registry keys, and matches regex", () => {
    const source = detection(
      "kql",
      [
        "DeviceProcessEvents",
        '| where FolderPath has @"\\temp\\" and ProcessCommandLine has "cmd.exe /c"',
        '| where ProcessCommandLine has "Get-ChildItem *" or RegistryKey has @"HKEY_CLASSES_ROOT\\*\\shell"',
        '| where FolderPath matches regex @"(?i)\\\\users\\\\[^\\\\]+\\\\appdata"',
      ].join("\n"),
    );
    expect(run(source)).toEqual([]);
  });
});
