// Correlation conversion per target. Lucene is a search syntax: it cannot count, group or order.
import { eqlCorrelation } from "@/lib/sigma/backends/correlation/eql";
import { esqlCorrelation } from "@/lib/sigma/backends/correlation/esql";
import { kqlCorrelation } from "@/lib/sigma/backends/correlation/kql";
import { logscaleCorrelation } from "@/lib/sigma/backends/correlation/logscale";
import { planCorrelation } from "@/lib/sigma/backends/correlation/resolve";
import { splunkCorrelation } from "@/lib/sigma/backends/correlation/splunk";
import { yaralCorrelation } from "@/lib/sigma/backends/correlation/yara-l";
import { BackendError } from "@/lib/sigma/backends/errors";
import type { Pipeline } from "@/lib/sigma/backends/pipeline";
import type { Target } from "@/lib/sigma/backends/types";
import type { CorrelationRule, SigmaRuleModel } from "@/lib/sigma/engine/model";

export const LUCENE_REFUSAL =
  "Lucene is a search syntax without aggregation, grouping or ordering, so no correlation type can be expressed; use ES|QL or EQL";

const BY_TARGET: Record<Exclude<Target, "lucene">, (plan: ReturnType<typeof planCorrelation>) => string> = {
  splunk: splunkCorrelation,
  kql: kqlCorrelation,
  esql: esqlCorrelation,
  eql: eqlCorrelation,
  "yara-l": yaralCorrelation,
  logscale: logscaleCorrelation,
};

export function convertCorrelation(
  rule: CorrelationRule,
  target: Target,
  all: SigmaRuleModel[],
  pipelines?: Pipeline[],
): string {
  if (target === "lucene") throw new BackendError(target, LUCENE_REFUSAL);
  return BY_TARGET[target](planCorrelation(target, rule, all, pipelines));
}
