// Splunk correlations in pySigma's splunk backend style: one search (or a multisearch with an
// eval per rule), `bin _time span=…` windows, `stats` by the window and group-by fields, and the
// threshold as `| search`. Windows are tumbling buckets, as pySigma's.
import { BackendError } from "@/lib/sigma/backends/errors";
import { ruleExpr } from "@/lib/sigma/backends/expr";
import {
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
  if (c.type === "temporal" || c.type === "temporal_ordered") {
    if (c.type === "temporal_ordered" && plan.rules.length > 2)
      fail(
        "temporal_ordered over more than two rules needs a sequence operator, which Splunk's stats has not; use EQL or YARA-L",
      );
    if (c.type === "temporal") {
      head.push(`stats dc(sigma_rule) as rule_count by ${by}`, `search rule_count >= ${plan.rules.length}`);
    } else {
      const [a, b] = plan.rules;
      head.push(
        `stats min(eval(if(sigma_rule=${q(a!.ref)}, _time, null()))) as first_time max(eval(if(sigma_rule=${q(b!.ref)}, _time, null()))) as last_time by ${by}`,
        "where first_time < last_time",
      );
    }
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
