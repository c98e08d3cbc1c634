// KQL correlations: the rule's query (or a union of them, each extended with its rule label and
// alias columns), `summarize … by bin(<time>, span)` and the threshold in `where`;
// temporal_ordered is a `scan` sequence instead.
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
    return `${source}\n| summarize rule_count = count_distinct(sigma_rule) by ${by}\n| where ${countsAllRules(plan) ? `rule_count == ${plan.rules.length}` : thresholds(plan, "rule_count")}`;
  if (c.type === "temporal_ordered") return `${source}\n${orderedScan(plan, time)}`;
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

/**
 * temporal_ordered as a `scan` with one step per rule (learn.microsoft.com/kusto/query/scan-operator):
 * step k matches rule k's events of the same group strictly after step k-1's and at most the
 * timespan after step 1's, and only the last step outputs. The input is sorted by group and
 * time, so each group is scanned on its own; a step's state keeps the latest partial sequence,
 * which starts no earlier than any other one that a later event could complete, so keeping one is
 * exact. Events of one instant go highest step first, so a step never sees an equal-time event of
 * the step before it (equal times are not an order). A sliding window, not the bins of summarize.
 */
function orderedScan(plan: CorrelationPlan, time: string): string {
  const cols = groupColumns(plan);
  const span = `${plan.span.n}${plan.span.unit}`;
  const refs = plan.rules.map((r) => kqlString(r.ref));
  const stepOf = refs.flatMap((ref, i) =>
    i < refs.length - 1 ? [`sigma_rule == ${ref}`, `${i + 1}`] : [`${i + 1}`],
  );
  const steps = plan.rules.map((_, i) => {
    const conds = [`sigma_rule == ${refs[i]}`];
    if (i > 0) {
      const prev = `s${i}`;
      conds.push(...cols.map((col) => `${col} == ${prev}.${col}`), `${time} > ${prev}.${time}`);
      conds.push(`${time} - s1.${time} <= ${span}`);
    }
    const last = i === plan.rules.length - 1;
    return `    step s${i + 1}${last ? "" : " output=none"}: ${conds.join(" and ")};`;
  });
  return [
    `| extend sigma_step = case(${stepOf.join(", ")})`,
    `| sort by ${[...cols.map((col) => `${col} asc`), `${time} asc`, "sigma_step desc"].join(", ")}`,
    `| scan with (\n${steps.join("\n")}\n)`,
  ].join("\n");
}
