// The verification box renders only what detectionVerification computed: a check that did not
// run never appears under "Checked", and missing name registries are said plainly.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VerificationBox } from "@/components/verification-box";
import type { Verification } from "@/lib/verify/detection-summary";

const base: Verification = {
  queries: 3,
  parse: { problems: 0 },
  names: { checked: false, platform: "logscale" },
  deployment: { checked: true, findings: 0 },
  rules: [{ id: "logscale-case-sensitive", reason: "r", docs: "https://library.humio.com/x", findings: 0 }],
  samples: null,
};
const html = (v: Verification) =>
  renderToStaticMarkup(
    createElement(VerificationBox, {
      verification: v,
      language: "logscale",
      platformName: "CrowdStrike Falcon LogScale",
    }),
  );

describe("VerificationBox", () => {
  it("says names were not checked when no registry rule ran, and lists the rules that did run", () => {
    const out = html(base);
    expect(out).toContain(
      "Field and table names: no CrowdStrike Falcon LogScale name registry is checked yet.",
    );
    expect(out).toContain("the query and 2 exclusions");
    expect(out).toContain("logscale-case-sensitive");
    expect(out).not.toContain("Names:");
    expect(out).toContain("Sample events: this technique has none yet.");
  });

  it("shows resolved names with their sources, and findings as findings", () => {
    const out = html({
      ...base,
      names: {
        checked: true,
        platform: "logscale",
        resolved: 12,
        unknown: 0,
        sources: ["falcon-events 7.x"],
      },
      rules: [{ ...base.rules[0]!, findings: 2 }],
      samples: { truePositives: 3, benign: 2, failures: 0 },
    });
    expect(out).toContain("12 table, field and value names resolved against falcon-events 7.x");
    expect(out).toContain("2 findings");
    expect(out).toContain("fires on every attack and on no look-alike");
    expect(out).not.toContain("no CrowdStrike Falcon LogScale name registry");
  });
});
