// Conversion entry point shared by the CLI, the API and the converter page.
import { eql } from "@/lib/sigma/backends/eql";
import { BackendError } from "@/lib/sigma/backends/errors";
import { esql } from "@/lib/sigma/backends/esql";
import { kql } from "@/lib/sigma/backends/kql";
import { logscale } from "@/lib/sigma/backends/logscale";
import { lucene } from "@/lib/sigma/backends/lucene";
import { resolveMapping, type Pipeline } from "@/lib/sigma/backends/pipeline";
import { splunk } from "@/lib/sigma/backends/splunk";
import type { Backend, Target } from "@/lib/sigma/backends/types";
import { yaral } from "@/lib/sigma/backends/yara-l";
import type { SigmaRuleModel } from "@/lib/sigma/engine/model";

export const backends: Record<Target, Backend> = {
  splunk,
  kql,
  lucene,
  esql,
  eql,
  "yara-l": yaral,
  logscale,
};

export type Conversion =
  { target: Target; query: string; pipeline: string } | { target: Target; error: string };

export function convertRule(rule: SigmaRuleModel, target: Target, pipelines?: Pipeline[]): Conversion {
  try {
    if (rule.type === "correlation")
      throw new BackendError(
        target,
        `correlation rules (${rule.correlation.type}) are validated but not converted yet; convert the rules they correlate`,
      );
    if (rule.conditions.length === 0) throw new BackendError(target, "the rule has no valid condition");
    const mapping = resolveMapping(target, rule.logsource, pipelines);
    return { target, query: backends[target].convert(rule, mapping), pipeline: mapping.pipeline };
  } catch (error) {
    if (error instanceof BackendError) return { target, error: error.message };
    throw error;
  }
}
