import { describe, expect, it } from "vitest";
import type { Deployment } from "@/lib/content/deployment";
import { cronMinutes, deploymentLimits } from "@/lib/verify/rules/deployment-limits";
import { detection, fixtureQueries } from "@/tests/verify-fixture";
import { ruleContext } from "@/tests/verify-context";

const FILE = "techniques/T1110.003/detections/sentinel.mdx";
const run = (language: string, query: string, deployment: Deployment) =>
  fixtureQueries(detection(language, query, [], "deployment:\n  kind: x\n"), FILE).flatMap((q) =>
    deploymentLimits.applies!(q, ruleContext({ deployment, deploymentLine: 3 }))
      ? deploymentLimits.check(q, ruleContext({ deployment, deploymentLine: 3 }))
      : [],
  );

describe("deployment-limits", () => {
  it("reports a Sentinel query period beyond 14 days at the deployment key", () => {
    const findings = run("kql", "SigninLogs", {
      kind: "sentinel-scheduled",
      queryFrequency: "1d",
      queryPeriod: "30d",
    });
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([`${FILE}:3:1`]);
    expect(findings[0]!.message).toContain("queryPeriod 30d");
  });

  it("reports NRT with summarize, a Splunk window shorter than its schedule and a live multi-event rule", () => {
    expect(
      run("kql", "DeviceEvents | summarize count() by DeviceId", {
        kind: "defender-custom-detection",
        frequency: "0",
      }),
    ).toHaveLength(1);
    expect(
      run("spl", "index=x", {
        kind: "splunk-scheduled-search",
        cron: "0 * * * *",
        earliest: "-15m@m",
        latest: "now",
      }),
    ).toHaveLength(1);
    expect(
      run("yara-l", "rule r {\n  events:\n    $e.x = 1\n  match:\n    $h over 1h\n}", {
        kind: "secops-rule",
        runFrequency: "live",
      }),
    ).toHaveLength(1);
  });

  it("passes settings within the limits", () => {
    expect(
      run("kql", "SigninLogs", { kind: "sentinel-scheduled", queryFrequency: "1h", queryPeriod: "14d" }),
    ).toEqual([]);
    expect(
      run("spl", "index=x", {
        kind: "splunk-scheduled-search",
        cron: "*/15 * * * *",
        earliest: "-20m@m",
        latest: "now",
      }),
    ).toEqual([]);
    expect(cronMinutes("*/15 * * * *")).toBe(15);
  });
});
