// Splunk correlations in pySigma's splunk backend style: one search (or a multisearch with an
// eval per rule), `bin _time span=…` windows, `stats` by the window and group-by fields, and the
// threshold as `| search`. Windows are tumbling buckets, as pySigma's.
import { BackendError } from "@/lib/sigma/backends/errors";
import { ruleExpr } from "@/lib/sigma/backends/expr";
import {
  countsAllRules,
  metricOf,
  groupColumns,
  groupNames,
  thresholds,
  type CorrelationPlan,
} from "@/lib/sigma/backends/correlation/resolve";
import { splunkQuery } from "@/lib/sigma/backends/splunk";

const fail = (m: string): never => {
  throw new BackendError("splunk", m);
};
const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

function searches(plan: CorrelationPlan): string {
  const one = (i: number) =>
    splunkQuery(ruleExpr(plan.rules[i]!.rule, plan.rules[i]!.mapping), plan.rules[i]!.mapping.source);
  if (plan.rules.length === 1) return one(0);
  const cols = groupColumns(plan);
  const parts = plan.rules.map((r, i) => {
    const evals = [`sigma_rule=${q(r.ref)}`, ...cols.map((c, k) => `${c}=${fieldRef(r.groupBy[k]!)}`)];
    if (r.valueField) evals.push(`sigma_value=${fieldRef(r.valueField)}`);
    return `[search ${one(i).replace(/\n/g, " ")} | eval ${evals.join(", ")}]`;
  });
  return `| multisearch\n  ${parts.join("\n  ")}`;
}
const fieldRef = (f: string) =>
  /^[A-Za-z_][\w.]*$/.test(f) ? `'${f}'` : fail(`field "${f}" cannot be referenced in eval`);

export function splunkCorrelation(plan: CorrelationPlan): string {
  const c = plan.rule.correlation;
  const by = ["_time", ...groupNames(plan)].join(" ");
  const head = [searches(plan), `bin _time span=${plan.span.n}${plan.span.unit}`];
  const value = plan.rules.length === 1 ? plan.rules[0]!.valueField : "sigma_value";
  if (c.type === "temporal_ordered") return [searches(plan), ...orderedStreamstats(plan)].join("\n| ");
  if (c.type === "temporal") {
    head.push(
      `stats dc(sigma_rule) as rule_count by ${by}`,
      `search ${countsAllRules(plan) ? `rule_count >= ${plan.rules.length}` : thresholds(plan, "rule_count", { eq: "=", and: " " })}`,
    );
    return head.join("\n| ");
  }
  const metric = metricOf(plan);
  const agg =
    metric === "count"
      ? "count"
      : metric === "distinct"
        ? `dc(${value})`
        : metric === "percentile"
          ? `perc${c.condition!.percentile}(${value})`
          : `${metric}(${value})`;
  head.push(
    `stats ${agg} as ${c.type} by ${by}`,
    `search ${thresholds(plan, c.type, { eq: "=", and: " " })}`,
  );
  return head.join("\n| ");
}

/**
 * temporal_ordered with `streamstats` over the events in time order (Search Reference:
 * streamstats, sort): `start_k` is, per group, the latest time at which a sequence of rules 1..k
 * seen so far began; an event of rule k+1 extends the latest start of rule k's, and an event of
 * the last rule matches when its time is within the timespan of that start. The latest start is
 * the best one a later event can complete, so this is exact, over a sliding window. Events of one
 * instant go highest rule first, so a rule never follows an equal-time event of the rule before
 * it (equal times are not an order); `sort 0` lifts sort's 10,000-result default limit.
 */
function orderedStreamstats(plan: CorrelationPlan): string[] {
  const by = groupColumns(plan);
  const byClause = by.length ? ` by ${by.join(" ")}` : "";
  const n = plan.rules.length;
  const lines = [
    `eval sigma_step=case(${plan.rules.map((r, i) => `sigma_rule=${q(r.ref)}, ${i + 1}`).join(", ")})`,
    "sort 0 _time, -sigma_step",
    "eval sigma_chain=if(sigma_step=1, _time, null())",
    `streamstats max(sigma_chain) as start_1${byClause}`,
  ];
  for (let k = 2; k < n; k++)
    lines.push(
      `eval sigma_chain=if(sigma_step=${k}, start_${k - 1}, null())`,
      `streamstats max(sigma_chain) as start_${k}${byClause}`,
    );
  lines.push(`where sigma_step=${n} AND _time - start_${n - 1} <= ${plan.span.seconds}`);
  return lines;
}
