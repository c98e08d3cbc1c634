// The verification box says whether the native query ran on platform samples, from the runner's
// result only: "Checked" lists it only when it was evaluated; otherwise "Not checked" names why.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VerificationBox } from "@/components/verification-box";
import type { DetectionEvaluation } from "@/lib/native-eval/run";
import type { Verification } from "@/lib/verify/detection-summary";

const v: Verification = {
  queries: 1,
  parse: { problems: 0 },
  names: { checked: false, platform: "kusto" },
  deployment: { checked: false, findings: 0 },
  rules: [],
  samples: null,
};
const html = (native: DetectionEvaluation) =>
  renderToStaticMarkup(
    createElement(VerificationBox, {
      verification: v,
      native,
      language: "kql",
      platformName: "Microsoft Defender XDR",
    }),
  );
const checked = (out: string) => out.split("Not checked")[0]!;

describe("VerificationBox and the native evaluation", () => {
  it("lists an evaluated query under Checked with its figures and evaluator", () => {
    const out = html({
      status: "evaluated",
      evaluator: "kql evaluator kql-eval 1.0",
      shape: "DeviceProcessEvents",
      truePositives: { total: 3, asExpected: 3 },
      benign: { total: 2, asExpected: 2 },
      asExpected: true,
      outcomes: [],
      withExclusions: false,
    });
    expect(checked(out)).toContain("fires on 3 of 3 attack events, silent on 2 of 2 benign ones");
    expect(checked(out)).toContain("kql evaluator kql-eval 1.0");
    expect(out).toContain("not run in a live Microsoft Defender XDR tenant");
  });

  it("never lists a query that was not evaluated under Checked, and names the construct", () => {
    const out = html({
      status: "not-evaluated",
      evaluator: "kql",
      construct: "operator 'mv-apply'",
      shape: "Event",
    });
    expect(checked(out)).not.toContain("sample rows");
    expect(out).toContain("not evaluated: operator &#x27;mv-apply&#x27;");
  });

  it("says plainly when the detection has no platform samples", () => {
    expect(html({ status: "no-samples" })).toContain("not evaluated: no platform-shaped sample events yet");
  });
});
