// LogScale correlations: a `case` labels each event with its rule (and copies aliased fields to
// one name), `groupBy([window, group-by…], function=…)` aggregates per tumbling window, and the
// threshold filters the groups. Not bucket(): it keeps at most `limit` series, 10 by default and
// 500 at most (library.humio.com/data-analysis/functions-bucket.html), so a fleet of more hosts
// would lose groups silently; groupBy's limit=max is GroupMaxLimit (functions-groupby.html).
import { BackendError } from "@/lib/sigma/backends/errors";
import { detectionExpr, serialise } from "@/lib/sigma/backends/expr";
import {
  countsAllRules,
  groupColumns,
  groupNames,
  metricOf,
  OP_SYMBOL,
  type CorrelationPlan,
} from "@/lib/sigma/backends/correlation/resolve";
import { cqlFixed, cqlLeaf, cqlString, cqlTokens } from "@/lib/sigma/backends/logscale";

const fail = (m: string): never => {
  throw new BackendError("logscale", m);
};

export function logscaleCorrelation(plan: CorrelationPlan): string {
  const c = plan.rule.correlation;
  if (c.type === "temporal_ordered")
    fail(
      "LogScale's groupBy() aggregates without order; temporal_ordered needs a sequence operator (use EQL or YARA-L)",
    );
  const filter = (i: number) => {
    const r = plan.rules[i]!;
    return [
      ...cqlFixed(r.mapping.conditions),
      serialise(detectionExpr(r.rule, r.mapping), cqlTokens, cqlLeaf),
    ].join(" | ");
  };
  const multi = plan.rules.length > 1;
  const lines: string[] = [];
  if (!multi) lines.push(filter(0));
  else {
    const cols = groupColumns(plan);
    const branches = plan.rules.map((r, i) => {
      const sets = [
        `sigma_rule := ${cqlString(r.ref)}`,
        ...cols.map((col, k) => `${col} := ${r.groupBy[k]}`),
      ];
      if (r.valueField) sets.push(`sigma_value := ${r.valueField}`);
      return `    ${filter(i)} | ${sets.join(" | ")};`;
    });
    lines.push(`case {\n${branches.join("\n")}\n  }`);
  }
  const value = multi ? "sigma_value" : plan.rules[0]!.valueField;
  let fn: string;
  let out: string;
  if (c.type === "temporal") {
    fn = `count(sigma_rule, distinct=true, as=rule_count)`;
    out = "rule_count";
  } else {
    out = c.type;
    fn = {
      count: `count(as=${out})`,
      distinct: `count(${value}, distinct=true, as=${out})`,
      sum: `sum(${value}, as=${out})`,
      avg: `avg(${value}, as=${out})`,
      percentile: `percentile(${value}, percentiles=[${c.condition?.percentile}], as=${out})`,
    }[metricOf(plan)];
  }
  const fields = groupNames(plan);
  // The window is the epoch-aligned span the event falls in, as Splunk's bin and KQL's bin().
  lines.push(
    `sigma_window := @timestamp / ${plan.span.seconds * 1000}`,
    "math:floor(sigma_window, as=sigma_window)",
    `groupBy([${["sigma_window", ...fields].join(", ")}], function=${fn}, limit=max)`,
  );
  if (c.type === "temporal" && countsAllRules(plan)) lines.push(`rule_count >= ${plan.rules.length}`);
  else if (c.type !== "temporal" && metricOf(plan) === "percentile") {
    // percentile() names its output <as>_<percentile>.
    const name = `${out}_${c.condition!.percentile}`;
    lines.push(
      c
        .condition!.ops.map(({ op, value: v }) => `test(${name} ${op === "eq" ? "==" : OP_SYMBOL[op]} ${v})`)
        .join(" | "),
    );
  } else
    lines.push(
      c
        .condition!.ops.map(({ op, value: v }) => `test(${out} ${op === "eq" ? "==" : OP_SYMBOL[op]} ${v})`)
        .join(" | "),
    );
  return lines.join("\n| ");
}
