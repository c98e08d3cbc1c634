// samples.yml proves the Sigma rule: it must match every true positive and no benign look-alike.
import type { ContentIssue } from "@/lib/content/errors";
import type { RawTechnique } from "@/lib/verify/corpus";
import { compileRule, SigmaEvalError } from "@/lib/verify/sigma-eval";
import { evaluateEvent } from "@/lib/sigma/engine/evaluate";
import type { DetectionRule } from "@/lib/sigma/engine/model";

type Sample = { name?: unknown; event?: unknown };

export function checkSamples(t: RawTechnique): ContentIssue[] {
  const file = `techniques/${t.id}/samples.yml`;
  const samples = t.samples as { true_positives?: unknown; benign?: unknown } | null;
  if (!samples || !t.sigmaSource) return []; // checkSections and checkSigma report these
  const issues: ContentIssue[] = [];
  let rule: DetectionRule;
  try {
    rule = compileRule(t.sigmaSource);
  } catch (error) {
    if (!(error instanceof SigmaEvalError)) throw error;
    return [{ file, field: "(file)", reason: `cannot evaluate the Sigma rule: ${error.message}` }];
  }
  for (const [key, shouldMatch] of [
    ["true_positives", true],
    ["benign", false],
  ] as const) {
    const list = Array.isArray(samples[key]) ? (samples[key] as Sample[]) : [];
    list.forEach((sample, i) => {
      const field = `${key}[${i}]`;
      if (!sample?.event || typeof sample.event !== "object") return;
      try {
        const matched = evaluateEvent(rule, sample.event as Record<string, unknown>).matched;
        if (matched !== shouldMatch)
          issues.push({
            file,
            field,
            reason: `"${String(sample.name)}" ${shouldMatch ? "does not match" : "matches"} the Sigma rule${shouldMatch ? "" : " (a benign look-alike must not)"}`,
          });
      } catch (error) {
        if (!(error instanceof SigmaEvalError)) throw error;
        issues.push({ file, field, reason: `cannot evaluate the Sigma rule: ${error.message}` });
      }
    });
  }
  return issues;
}
