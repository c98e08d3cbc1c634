// Conversion entry point shared by the CLI, the API and the converter page.
import { convertCorrelation } from "@/lib/sigma/backends/correlation/convert";
import { eql } from "@/lib/sigma/backends/eql";
import { BackendError } from "@/lib/sigma/backends/errors";
import { esql } from "@/lib/sigma/backends/esql";
import { kql } from "@/lib/sigma/backends/kql";
import { logscale } from "@/lib/sigma/backends/logscale";
import { lucene } from "@/lib/sigma/backends/lucene";
import { namedPipelines } from "@/lib/sigma/backends/named-pipelines";
import { resolvePlaceholders, type Placeholders } from "@/lib/sigma/backends/placeholders";
import { resolveMapping, type Pipeline } from "@/lib/sigma/backends/pipeline";
import { splunk } from "@/lib/sigma/backends/splunk";
import type { Backend, Target } from "@/lib/sigma/backends/types";
import { yaral } from "@/lib/sigma/backends/yara-l";
import type { SigmaRuleModel } from "@/lib/sigma/engine/model";
import { applyUserPipeline } from "@/lib/sigma/user-pipeline/apply";
import type { UserPipeline } from "@/lib/sigma/user-pipeline/parse";

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

/**
 * `all` holds every rule the caller parsed (all documents, all files), among which a
 * correlation's references by name or id are looked up.
 */
export function convertRule(
  rule: SigmaRuleModel,
  target: Target,
  pipelines?: Pipeline[] | string,
  all: SigmaRuleModel[] = [rule],
  user?: UserPipeline,
  placeholders?: Placeholders,
): Conversion {
  try {
    if (placeholders)
      all = all.map((r) => (r.type === "rule" ? resolvePlaceholders(r, placeholders, target) : r));
    if (typeof pipelines === "string") pipelines = namedPipelines(pipelines, target);
    if (user) all = all.map((r) => (r.type === "rule" ? applyUserPipeline(user, r).rule : r));
    if (rule.type === "correlation") {
      const query = convertCorrelation(rule, target, all, pipelines);
      return { target, query, pipeline: "correlation" };
    }
    if (rule.conditions.length === 0) throw new BackendError(target, "the rule has no valid condition");
    if (placeholders) rule = resolvePlaceholders(rule, placeholders, target);
    const applied = user ? applyUserPipeline(user, rule) : { rule, state: {} };
    rule = applied.rule;
    let mapping = resolveMapping(target, rule.logsource, pipelines);
    // pySigma pipelines name the index or table through state; ours reads the usual keys.
    const source = applied.state.source ?? applied.state.index ?? applied.state.table;
    if (source !== undefined) mapping = { ...mapping, source: String(source) };
    const query =
      backends[target].convert(rule, mapping) + fieldsClause(target, rule.fields.map(mapping.field));
    return { target, query, pipeline: mapping.pipeline };
  } catch (error) {
    if (error instanceof BackendError) return { target, error: error.message };
    throw error;
  }
}

/**
 * Sigma's `fields:` as the target's column selection. EQL, Lucene and YARA-L return whole events
 * (YARA-L's outcome is for computed values), so there it adds nothing.
 */
function fieldsClause(target: Target, fields: string[]): string {
  if (fields.length === 0) return "";
  const list = fields.join(", ");
  switch (target) {
    case "splunk":
      return `\n| table ${fields.map((f) => (/^[\w.]+$/.test(f) ? f : `"${f.replace(/"/g, '\\"')}"`)).join(", ")}`;
    case "kql":
      return `\n| project ${list}`;
    case "esql":
      return `\n| keep ${list}`;
    case "logscale":
      return `\n| select([${list}])`;
    default:
      return "";
  }
}

/**
 * Rules a correlation refers to with `generate: false` (Sigma's default) are building blocks:
 * they are not output as queries of their own.
 */
export function hiddenRules(all: SigmaRuleModel[]): Set<SigmaRuleModel> {
  const hidden = new Set<SigmaRuleModel>();
  for (const c of all)
    if (c.type === "correlation" && !c.correlation.generate)
      for (const ref of c.correlation.rules)
        for (const r of all) if (r !== c && (r.id === ref || r.name === ref)) hidden.add(r);
  return hidden;
}
