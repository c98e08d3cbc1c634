import { describe, expect, it } from "vitest";
import { splCaseSensitive } from "@/lib/verify/rules/spl-case-sensitive";
import { detection, fixtureQueries } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const run = (query: string) =>
  fixtureQueries(detection("spl", query)).flatMap((q) => splCaseSensitive.check(q, ruleContext()));

describe("spl-case-sensitive-eval", () => {
  it("reports eval case() and where comparisons against Windows image names, at the literal", () => {
    const findings = run(
      [
        "index=main process_name=wmic.exe",
        '| eval step=case(process_name="wmic.exe", "wmic", true(), null())',
        '| where parent IN ("Explorer.EXE", "x") OR in(image, "C:\\\\Windows\\\\cmd.exe")',
      ].join("\n"),
    );
    // Line 4 is the first query line; columns count the two-space YAML indent.
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      "techniques/T1082/detections/splunk.mdx:5:33",
      "techniques/T1082/detections/splunk.mdx:6:22",
      "techniques/T1082/detections/splunk.mdx:6:56",
    ]);
    expect(findings[0]!.message).toContain("lower(process_name)");
  });

  it("passes lower() with lower-case literals, search-command comparisons and eval assignments", () => {
    expect(
      run(
        [
          'index=main process_name="WMIC.exe"',
          '| eval tool="wmic.exe", step=case(lower(process_name)="wmic.exe", "wmic")',
          '| where match(process, "(?i)\\\\cmd\\.exe") AND in(lower(image), "cmd.exe")',
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("reports lower() compared with a literal that has upper-case letters", () => {
    expect(run('| makeresults | where lower(process_name)="WMIC.exe"')).toHaveLength(1);
  });
});
