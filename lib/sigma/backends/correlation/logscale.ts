// LogScale correlations: each event is labelled with every rule it matches (one event per rule
// after split(); a `case` then copies the rule's aliased fields to one name), `groupBy([window, group-by…], function=…)` aggregates per tumbling window, and the
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
  // correlate() is LogScale's sequence operator: its events "must come in a specific order (see the
  // sequence parameter)" and "all events of the pattern must be within a certain time interval from
  // each other (see the within parameter)" (library.humio.com/data-analysis-1.260.0/functions-correlate.html).
  // Not emitted: temporal_ordered here means each rule's event strictly later than the one before
  // (Splunk, KQL, YARA-L: equal times are not an order), and that sequence=true is strict is not
  // established (it also takes a jitterTolerance); its candidate set is memory-bound, "a partial
  // result will be reported" past the iteration limit (envar-default_graphquery_iteration_limit.html).
  if (c.type === "temporal_ordered")
    fail(
      "LogScale's groupBy() aggregates without order; correlate(sequence=true, within=…) orders events, but that its order is strictly later in time, as temporal_ordered is on the other targets, is not established (it takes a jitterTolerance), so it is not emitted (use EQL or YARA-L)",
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
    // An event of several rules counts for each (the specification: "an event of each referenced
    // rule"), while case{} takes its first matching branch only: every rule that matches appends
    // its label to an array (array:append), and split() makes one event per label
    // (library.humio.com, functions-array-append.html, functions-split.html).
    const wild = plan.rules.find((r) => r.ref.includes("*"));
    if (wild) fail(`rule reference "${wild.ref}" contains *, a wildcard in a LogScale field filter`);
    for (let i = 0; i < plan.rules.length; i++)
      lines.push(
        `case { ${filter(i)} | array:append(array="sigma_rule[]", values=[${cqlString(plan.rules[i]!.ref)}]) | sigma_hit := 1; * }`,
      );
    lines.push("sigma_hit=1", "split(sigma_rule)");
    const cols = groupColumns(plan);
    const branches = plan.rules.map((r) => {
      const sets = cols.map((col, k) => `${col} := ${r.groupBy[k]}`);
      if (r.valueField) sets.push(`sigma_value := ${r.valueField}`);
      return `    sigma_rule=${cqlString(r.ref)}${sets.length ? ` | ${sets.join(" | ")}` : ""};`;
    });
    if (cols.length || c.condition?.field) lines.push(`case {\n${branches.join("\n")}\n  }`);
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
