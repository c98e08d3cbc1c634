import { describe, expect, it } from "vitest";
import { contentDir } from "@/lib/content/location";
import { loadContent } from "@/lib/content/load";
import { detectionVerification } from "@/lib/verify/detection-summary";
import { RULES } from "@/lib/verify/rules/index";
import { runRules } from "@/lib/verify/run-rules";

describe("detectionVerification", () => {
  const catalog = loadContent(contentDir());
  const technique = catalog.techniques.find((t) => t.id === "T1082")!;
  const evidence = { id: technique.id, sigmaSource: technique.sigma.source, samples: technique.samples };

  it("lists exactly the rules that ran for the detection's language, and the deployment check", () => {
    const splunk = technique.detections.find((d) => d.platform === "splunk")!;
    const v = detectionVerification(contentDir(), splunk.file, evidence);
    expect(v.queries).toBe(1 + splunk.tuning.filter((t) => t.exclusion).length);
    expect(v.deployment.checked).toBe(true);
    const expected = RULES.filter(
      (r) => r.languages.includes("spl") && r.id !== "deployment-limits" && !r.id.startsWith("names-"),
    ).map((r) => r.id);
    expect(v.rules.map((r) => r.id)).toEqual(expected);
    // Findings are the same ones content:verify reports for this file.
    const findings = runRules(contentDir(), ["T1082"]).findings.filter((f) => f.file === splunk.file);
    expect(v.rules.reduce((n, r) => n + r.findings, 0) + v.deployment.findings).toBe(
      findings.filter((f) => !f.rule.startsWith("names-")).length,
    );
    expect(v.samples).toEqual({
      truePositives: technique.samples!.true_positives.length,
      benign: technique.samples!.benign.length,
      failures: 0,
    });
  });

  it("does not claim KQL-only rules for an EQL detection", () => {
    const elastic = technique.detections.find((d) => d.platform === "elastic")!;
    const ids = detectionVerification(contentDir(), elastic.file, evidence).rules.map((r) => r.id);
    expect(ids).not.toContain("kql-case-sensitive");
    expect(ids).toContain(elastic.language === "eql" ? "eql-case-sensitive" : "esql-case-sensitive");
  });
});
