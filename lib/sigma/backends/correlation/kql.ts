// KQL correlations: the rule's query (or a union of them, each extended with its rule label and
// alias columns), `summarize … by bin(<time>, span)` and the threshold in `where`.
import { BackendError } from "@/lib/sigma/backends/errors";
import { ruleExpr } from "@/lib/sigma/backends/expr";
import {
  groupColumns,
  groupNames,
  metricOf,
  thresholds,
  type CorrelationPlan,
} from "@/lib/sigma/backends/correlation/resolve";
import { kqlString, kqlWhere } from "@/lib/sigma/backends/kql";

const fail = (m: string): never => {
  throw new BackendError("kql", m);
};

export function kqlCorrelation(plan: CorrelationPlan): string {
  const c = plan.rule.correlation;
  const times = new Set(plan.rules.map((r) => r.mapping.timestamp ?? "TimeGenerated"));
  if (times.size > 1)
    fail(
      "the rules read tables with different time columns (Timestamp, TimeGenerated); correlate rules of one product",
    );
  const time = [...times][0]!;
  const query = (i: number) =>
    `${plan.rules[i]!.mapping.source}\n| where ${kqlWhere(ruleExpr(plan.rules[i]!.rule, plan.rules[i]!.mapping))}`;
  let source: string;
  if (plan.rules.length === 1) source = query(0);
  else {
    const cols = groupColumns(plan);
    source = `union\n${plan.rules
      .map((r, i) => {
        const ext = [`sigma_rule = ${kqlString(r.ref)}`, ...cols.map((col, k) => `${col} = ${r.groupBy[k]}`)];
        if (r.valueField) ext.push(`sigma_value = ${r.valueField}`);
        return `    (${query(i).replace(/\n/g, " ")} | extend ${ext.join(", ")})`;
      })
      .join(",\n")}`;
  }
  const by = [`bin(${time}, ${plan.span.n}${plan.span.unit})`, ...groupNames(plan)].join(", ");
  const value = plan.rules.length === 1 ? plan.rules[0]!.valueField : "sigma_value";
  if (c.type === "temporal")
    return `${source}\n| summarize rule_count = count_distinct(sigma_rule) by ${by}\n| where rule_count == ${plan.rules.length}`;
  if (c.type === "temporal_ordered") {
    if (plan.rules.length > 2)
      fail("temporal_ordered over more than two rules needs a sequence operator; use EQL or YARA-L");
    const [a, b] = plan.rules;
    return `${source}\n| summarize first_time = minif(${time}, sigma_rule == ${kqlString(a!.ref)}), last_time = maxif(${time}, sigma_rule == ${kqlString(b!.ref)}) by ${by}\n| where first_time < last_time`;
  }
  const metric = metricOf(plan);
  const agg = {
    count: "count()",
    distinct: `count_distinct(${value})`,
    sum: `sum(${value})`,
    avg: `avg(${value})`,
    percentile: `percentile(${value}, ${c.condition!.percentile})`,
  }[metric];
  return `${source}\n| summarize ${c.type} = ${agg} by ${by}\n| where ${thresholds(plan, c.type)}`;
}
