import { describe, expect, it } from "vitest";
import { defenderRequiredColumns } from "@/lib/verify/rules/defender-required-columns";
import { kqlCaseSensitive } from "@/lib/verify/rules/kql-case-sensitive";
import { kqlLeftouterFilter } from "@/lib/verify/rules/kql-leftouter-filter";
import { kqlLookback } from "@/lib/verify/rules/kql-lookback";
import type { Rule, RuleContext } from "@/lib/verify/rules/types";
import { detection, fixtureQueries, locate } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const FILE = "techniques/T1021.002/detections/defender-xdr.mdx";
const where = (f: { file: string; line: number; column: number }) => `${f.file}:${f.line}:${f.column}`;
const run = (rule: Rule, source: string, over: Partial<RuleContext> = {}) =>
  fixtureQueries(source, FILE).flatMap((q) => rule.check(q, ruleContext(over)));
const CUSTOM: Partial<RuleContext> = {
  platform: "defender-xdr",
  deployment: { kind: "defender-custom-detection", frequency: "1h" },
};

describe("kql-case-sensitive", () => {
  it("reports ==, in and has_cs against Windows names", () => {
    const source = detection(
      "kql",
      'DeviceProcessEvents\n| where FileName == "WMIC.exe" or InitiatingProcessFileName in ("winword.exe", "x")\n| where FolderPath has_cs @"C:\\Windows\\Temp\\"',
    );
    expect(run(kqlCaseSensitive, source).map(where)).toEqual([
      locate(source, '"WMIC.exe"', 0, FILE),
      locate(source, '"winword.exe"', 0, FILE),
      locate(source, '@"C:', 0, FILE),
    ]);
  });

  it("passes =~, in~, has and tolower() against a lower-case literal", () => {
    const source = detection(
      "kql",
      'DeviceProcessEvents\n| where FileName =~ "WMIC.exe" or InitiatingProcessFileName in~ ("winword.exe") or tolower(FolderPath) == @"c:\\windows\\temp\\x.exe" or ActionType == "ProcessCreated"',
    );
    expect(run(kqlCaseSensitive, source)).toEqual([]);
  });
});

describe("kql-leftouter-filter", () => {
  it("reports a filter on a right-side column after join kind=leftouter", () => {
    const source = detection(
      "kql",
      [
        "DeviceLogonEvents",
        "| join kind=leftouter (DeviceNetworkEvents | project DeviceId, RemoteUrl) on DeviceId",
        '| where RemoteUrl has "example"',
      ].join("\n"),
    );
    expect(run(kqlLeftouterFilter, source).map(where)).toEqual([locate(source, "where RemoteUrl", 0, FILE)]);
  });

  it("reports isnull(X) or a time window on X: a left row whose matches all fall outside is dropped", () => {
    const source = detection(
      "kql",
      [
        "DeviceLogonEvents",
        "| join kind=leftouter (DeviceNetworkEvents | project DeviceId, NetTime = Timestamp) on DeviceId",
        "| where isnull(NetTime) or NetTime between (Timestamp .. (Timestamp + 5m))",
      ].join("\n"),
    );
    expect(run(kqlLeftouterFilter, source)).toHaveLength(1);
  });

  it("passes an empty check with a plain condition, coalesce() first, and a condition inside the join", () => {
    for (const filter of [
      '| where isnull(RemoteUrl) or RemoteUrl has "example"',
      '| extend RemoteUrl = coalesce(RemoteUrl, "")\n| where RemoteUrl != "x"',
    ]) {
      const ok = detection(
        "kql",
        [
          "DeviceLogonEvents",
          "| join kind=leftouter (DeviceNetworkEvents | project DeviceId, RemoteUrl) on DeviceId",
          filter,
        ].join("\n"),
      );
      expect(run(kqlLeftouterFilter, ok)).toEqual([]);
    }
    const source = detection(
      "kql",
      [
        "DeviceLogonEvents",
        '| join kind=leftouter (DeviceNetworkEvents | where RemoteUrl has "example" | project DeviceId, RemoteUrl) on DeviceId',
        "| where isempty(RemoteUrl)",
      ].join("\n"),
    );
    expect(run(kqlLeftouterFilter, source)).toEqual([]);
  });
});

describe("defender-required-columns", () => {
  it("reports a custom detection whose summarize drops Timestamp and ReportId, at the summarize", () => {
    const source = detection(
      "kql",
      "DeviceLogonEvents\n| summarize Logons = count() by DeviceId, AccountName",
    );
    const findings = run(defenderRequiredColumns, source, CUSTOM);
    expect(findings.map(where)).toEqual([locate(source, "summarize", 0, FILE)]);
    expect(findings[0]!.message).toContain("Timestamp, ReportId");
  });

  it("passes arg_max keeping Timestamp, ReportId and DeviceId", () => {
    const source = detection(
      "kql",
      "DeviceLogonEvents\n| summarize Logons = count(), arg_max(Timestamp, ReportId) by DeviceId, AccountName",
    );
    expect(run(defenderRequiredColumns, source, CUSTOM)).toEqual([]);
  });
});

describe("kql-lookback", () => {
  it("reports ago() beyond 30 days of advanced hunting and beyond a Sentinel query period", () => {
    const source = detection("kql", "DeviceLogonEvents\n| where Timestamp > ago(45d)");
    expect(run(kqlLookback, source, CUSTOM).map(where)).toEqual([locate(source, "ago(45d)", 0, FILE)]);
    const sentinel = detection("kql", "SigninLogs\n| where TimeGenerated > ago(30d)");
    expect(
      run(kqlLookback, sentinel, {
        platform: "sentinel",
        deployment: { kind: "sentinel-scheduled", queryFrequency: "1d", queryPeriod: "14d" },
      }),
    ).toHaveLength(1);
  });

  it("passes windows within the limits", () => {
    const source = detection("kql", "DeviceLogonEvents\n| where Timestamp > ago(30d)");
    expect(run(kqlLookback, source, CUSTOM)).toEqual([]);
  });
});
