// ES|QL correlations: `from` every index the rules read, each event labelled with every rule it
// matches (one row per rule after MV_EXPAND), `STATS … BY DATE_TRUNC(span, @timestamp)` and the group-by
// fields, then the threshold in `WHERE`. ES|QL has no ordered-sequence operator.
import { BackendError } from "@/lib/sigma/backends/errors";
import { ruleExpr } from "@/lib/sigma/backends/expr";
import {
  countsAllRules,
  groupColumns,
  groupNames,
  metricOf,
  thresholds,
  type CorrelationPlan,
} from "@/lib/sigma/backends/correlation/resolve";
import { esqlField, esqlString, esqlWhere } from "@/lib/sigma/backends/esql";

const UNIT = { s: "seconds", m: "minutes", h: "hours", d: "days" } as const;

export function esqlCorrelation(plan: CorrelationPlan): string {
  const c = plan.rule.correlation;
  if (c.type === "temporal_ordered")
    throw new BackendError(
      "esql",
      "ES|QL has no ordered-sequence operator and STATS cannot compare the times of different rules' events; use EQL (sequence) for temporal_ordered",
    );
  const sources = [...new Set(plan.rules.map((r) => r.mapping.source!))];
  const wheres = plan.rules.map((r) => esqlWhere(ruleExpr(r.rule, r.mapping)));
  const lines = [`from ${sources.join(", ")}`];
  const multi = plan.rules.length > 1;
  if (multi) {
    // An event of several rules counts for each (the specification: "an event of each referenced
    // rule"), so it gets every rule's label and MV_EXPAND makes one row per label. MV_APPEND would
    // be null as soon as one rule does not match, so the labels are joined and SPLIT instead.
    const bad = plan.rules.find((r) => r.ref.includes(","));
    if (bad)
      throw new BackendError(
        "esql",
        `rule reference "${bad.ref}" contains a comma, which separates the rule labels`,
      );
    const labels = plan.rules.map((r, i) => `case(${wheres[i]}, ${esqlString(r.ref)}, "")`);
    lines.push(
      `eval sigma_rules = concat(${labels.join(', ",", ')})`,
      `where sigma_rules != ${esqlString(",".repeat(plan.rules.length - 1))}`,
      'eval sigma_rule = split(sigma_rules, ",")',
      "mv_expand sigma_rule",
      'where sigma_rule != ""',
    );
    const cols = groupColumns(plan);
    const pick = (field: (i: number) => string) =>
      `case(${plan.rules.flatMap((r, i) => [`sigma_rule == ${esqlString(r.ref)}`, esqlField(field(i))]).join(", ")})`;
    const evals = cols.map((col, k) => `${col} = ${pick((i) => plan.rules[i]!.groupBy[k]!)}`);
    if (c.condition?.field) evals.push(`sigma_value = ${pick((i) => plan.rules[i]!.valueField!)}`);
    if (evals.length) lines.push(`eval ${evals.join(", ")}`);
  } else lines.push(`where ${wheres[0]}`);
  const by = [
    `time_window = date_trunc(${plan.span.n} ${UNIT[plan.span.unit]}, @timestamp)`,
    ...groupNames(plan).map(esqlField),
  ].join(", ");
  const value = multi ? "sigma_value" : esqlField(plan.rules[0]!.valueField ?? "");
  if (c.type === "temporal") {
    lines.push(
      `stats rule_count = count_distinct(sigma_rule) by ${by}`,
      `where ${countsAllRules(plan) ? `rule_count == ${plan.rules.length}` : thresholds(plan, "rule_count")}`,
    );
    return lines.join("\n| ");
  }
  const agg = {
    count: "count(*)",
    distinct: `count_distinct(${value})`,
    sum: `sum(${value})`,
    avg: `avg(${value})`,
    percentile:
      c.type === "value_median" ? `median(${value})` : `percentile(${value}, ${c.condition!.percentile})`,
  }[metricOf(plan)];
  lines.push(`stats ${c.type} = ${agg} by ${by}`, `where ${thresholds(plan, c.type)}`);
  return lines.join("\n| ");
}
