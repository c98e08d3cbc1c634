// What every correlation backend needs from a Sigma correlation rule: the referenced detection
// rules (by name or id, from any document the caller parsed), each with its target mapping and
// the target's names for the group-by fields (after Sigma's aliases), and the timespan in a
// fixed unit.
import { BackendError } from "@/lib/sigma/backends/errors";
import { resolveMapping, type Pipeline, type ResolvedMapping } from "@/lib/sigma/backends/pipeline";
import type { Target } from "@/lib/sigma/backends/types";
import type { CorrelationOp, CorrelationRule, DetectionRule, SigmaRuleModel } from "@/lib/sigma/engine/model";

export type Correlated = {
  /** The reference as written in `rules:` (a name or an id): also the label events get. */
  ref: string;
  rule: DetectionRule;
  mapping: ResolvedMapping;
  /** The target's field for each group-by entry, in order. */
  groupBy: string[];
  /** The target's field for condition.field, when the type has one. */
  valueField?: string;
};

export type CorrelationPlan = {
  rule: CorrelationRule;
  rules: Correlated[];
  /** The timespan as a count of one unit, s, m, h or d, the largest that divides it. */
  span: { n: number; unit: "s" | "m" | "h" | "d"; seconds: number };
};

const SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 } as const;

function span(target: Target, timespan: string): CorrelationPlan["span"] {
  const m = /^(\d+)([smhdwMy])$/.exec(timespan)!;
  const unit = m[2]!;
  if (unit === "M" || unit === "y")
    throw new BackendError(
      target,
      `timespan ${timespan}: a month or a year has no fixed length; write it in days`,
    );
  const seconds = Number(m[1]) * SECONDS[unit as keyof typeof SECONDS];
  if (seconds === 0) throw new BackendError(target, "the timespan must be longer than zero");
  for (const u of ["d", "h", "m", "s"] as const)
    if (seconds % SECONDS[u] === 0) return { n: seconds / SECONDS[u], unit: u, seconds };
  return { n: seconds, unit: "s", seconds };
}

export function planCorrelation(
  target: Target,
  rule: CorrelationRule,
  all: SigmaRuleModel[],
  pipelines?: Pipeline[],
): CorrelationPlan {
  const c = rule.correlation;
  if (c.type === "value_percentile" && c.condition?.percentile === undefined)
    throw new BackendError(
      target,
      "value_percentile without condition.percentile: the specification does not say which percentile the threshold applies to (pySigma refuses it too); add percentile: N",
    );
  const rules = c.rules.map((ref): Correlated => {
    const found = all.find((r) => r.id === ref || r.name === ref);
    if (!found)
      throw new BackendError(
        target,
        `rule "${ref}" is not among the rules given; pass the file that holds it too (CLI: several files; API: one more YAML document)`,
      );
    if (found.type === "correlation")
      throw new BackendError(
        target,
        `rule "${ref}" is itself a correlation; chained correlations are not converted`,
      );
    if (found.conditions.length === 0) throw new BackendError(target, `rule "${ref}" has no valid condition`);
    const mapping = resolveMapping(target, found.logsource, pipelines);
    const aliased = (field: string) =>
      c.aliases[field]?.[ref] ??
      c.aliases[field]?.[found.id ?? ""] ??
      c.aliases[field]?.[found.name ?? ""] ??
      field;
    return {
      ref,
      rule: found,
      mapping,
      groupBy: c.groupBy.map((g) => mapping.field(aliased(g))),
      valueField: c.condition?.field ? mapping.field(aliased(c.condition.field)) : undefined,
    };
  });
  const plan = { rule, rules, span: span(target, c.timespan) };
  if (c.type.startsWith("temporal") && !countsAllRules(plan)) {
    const fewer = `a condition met by fewer than all ${rules.length} rules`;
    if (c.type === "temporal_ordered")
      throw new BackendError(
        target,
        `temporal_ordered orders every rule it lists; ${fewer} has no order to check (use temporal)`,
      );
    // YARA-L's temporal form names every event variable in its condition.
    if (target === "yara-l")
      throw new BackendError(
        target,
        `a temporal condition met by fewer than all ${rules.length} rules needs a count of distinct rules; YARA-L's condition requires each event variable`,
      );
  }
  return plan;
}

const HOLDS: Record<CorrelationOp, (count: number, value: number) => boolean> = {
  gt: (k, v) => k > v,
  gte: (k, v) => k >= v,
  lt: (k, v) => k < v,
  lte: (k, v) => k <= v,
  eq: (k, v) => k === v,
  neq: (k, v) => k !== v,
};

/**
 * Whether a temporal correlation needs every rule: no condition, or one that of the possible
 * counts of distinct rules (1 to all) only all of them meets.
 */
export function countsAllRules(plan: CorrelationPlan): boolean {
  const ops = plan.rule.correlation.condition?.ops;
  if (!ops) return true;
  const meets = (k: number) => ops.every(({ op, value }) => HOLDS[op](k, value));
  const n = plan.rules.length;
  return meets(n) && Array.from({ length: n - 1 }, (_, i) => i + 1).every((k) => !meets(k));
}

export const OP_SYMBOL: Record<CorrelationOp, string> = {
  gt: ">",
  gte: ">=",
  lt: "<",
  lte: "<=",
  eq: "==",
  neq: "!=",
};

/** `name >= 10 and name < 20` in a target's syntax. */
export function thresholds(
  plan: CorrelationPlan,
  name: string,
  { eq = "==", and = " and " }: { eq?: string; and?: string } = {},
): string {
  return plan.rule.correlation
    .condition!.ops.map(({ op, value }) => `${name} ${op === "eq" ? eq : OP_SYMBOL[op]} ${value}`)
    .join(and);
}

/** Output column names for the group-by entries: the Sigma names (aliases), made identifiers. */
export const groupColumns = (plan: CorrelationPlan) =>
  plan.rule.correlation.groupBy.map((g) => g.replace(/[^A-Za-z0-9_]/g, "_"));

/** The single rule's own mapped fields, or the alias columns when several rules are joined. */
export function groupNames(plan: CorrelationPlan): string[] {
  return plan.rules.length === 1 ? plan.rules[0]!.groupBy : groupColumns(plan);
}

/** The aggregate a metric correlation computes, by type. */
export type Metric = "count" | "distinct" | "sum" | "avg" | "percentile";
export function metricOf(plan: CorrelationPlan): Metric {
  switch (plan.rule.correlation.type) {
    case "event_count":
      return "count";
    case "value_count":
      return "distinct";
    case "value_sum":
      return "sum";
    case "value_avg":
      return "avg";
    default:
      return "percentile";
  }
}
