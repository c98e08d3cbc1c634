// What was checked for one detection, computed at build time by the same code content:verify
// runs: the syntax check, the name rules, the deployment rule and the semantic rules over the
// detection's query and tuning exclusions. The detection page's verification box shows this and
// nothing else, so it can never claim a check that did not run. Pro files are not read here.
import "server-only";
import { checkQueries } from "@/lib/verify/check-queries";
import { detectionQueries } from "@/lib/verify/extract";
import type { NamePlatform } from "@/lib/verify/names/registry";
import { kustoGlobalsFor, runRulesOn } from "@/lib/verify/run-rules";
import { checkSamples } from "@/lib/verify/samples";
import type { Samples } from "@/lib/content/schema";

export type RuleOutcome = { id: string; reason: string; docs: string; findings: number };

export type Verification = {
  /** The query plus its tuning exclusions. */
  queries: number;
  parse: { problems: number };
  names:
    | { checked: true; platform: NamePlatform; resolved: number; unknown: number; sources: string[] }
    | { checked: false; platform: NamePlatform };
  deployment: { checked: boolean; findings: number };
  /** Semantic rules that examined at least one of the detection's queries. */
  rules: RuleOutcome[];
  /** The portable Sigma rule evaluated against samples.yml (null when the technique has none). */
  samples: { truePositives: number; benign: number; failures: number } | null;
};

export type SigmaEvidence = { id: string; sigmaSource: string; samples: Samples | null };

const DEPLOYMENT_RULE = "deployment-limits";

function sampleOutcome(t: SigmaEvidence): Verification["samples"] {
  if (!t.samples) return null;
  const raw = {
    id: t.id,
    technique: null,
    detections: [],
    pro: [],
    samples: t.samples,
    sigmaSource: t.sigmaSource,
  };
  return {
    truePositives: t.samples.true_positives.length,
    benign: t.samples.benign.length,
    failures: checkSamples(raw).length,
  };
}

export function detectionVerification(contentDir: string, file: string, sigma: SigmaEvidence): Verification {
  const queries = detectionQueries(contentDir, file);
  const parse = checkQueries(queries, { kustoGlobals: kustoGlobalsFor(contentDir) });
  const result = runRulesOn(contentDir, queries);
  const ran = new Set(result.runs.flatMap((r) => r.rules));
  const byRule = new Map<string, number>();
  for (const f of result.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const names = result.names.find((n) => n.queries > 0)!;
  const semantic = result.rules.filter(
    (r) => ran.has(r.id) && r.id !== DEPLOYMENT_RULE && !r.id.startsWith("names-"),
  );
  return {
    queries: queries.length,
    parse: { problems: parse.length },
    names: names.registered
      ? {
          checked: true,
          platform: names.platform,
          resolved: names.resolved,
          unknown: names.unknown,
          sources: names.sources,
        }
      : { checked: false, platform: names.platform },
    deployment: { checked: ran.has(DEPLOYMENT_RULE), findings: byRule.get(DEPLOYMENT_RULE) ?? 0 },
    rules: semantic.map((r) => ({
      id: r.id,
      reason: r.reason,
      docs: r.docs,
      findings: byRule.get(r.id) ?? 0,
    })),
    samples: sampleOutcome(sigma),
  };
}
