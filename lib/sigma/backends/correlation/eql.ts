// EQL correlations: temporal_ordered is a `sequence [by keys] with maxspan=…` of the rules'
// queries (per-event `by` keys when aliases name different fields); event_count with gte/gt on
// one rule is a sequence of that query `with runs=n`. EQL cannot aggregate values or match
// events in any order, so those types are refused.
import { BackendError } from "@/lib/sigma/backends/errors";
import { eql } from "@/lib/sigma/backends/eql";
import type { CorrelationPlan } from "@/lib/sigma/backends/correlation/resolve";

const fail = (m: string): never => {
  throw new BackendError("eql", m);
};
const MAX_RUNS = 100;

export function eqlCorrelation(plan: CorrelationPlan): string {
  const c = plan.rule.correlation;
  const maxspan = `maxspan=${plan.span.n}${plan.span.unit}`;
  const by = (keys: string[]) => (keys.length ? ` by ${keys.join(", ")}` : "");
  const event = (i: number) => `[${eql.convert(plan.rules[i]!.rule, plan.rules[i]!.mapping)}]`;
  if (c.type === "temporal_ordered") {
    const same = plan.rules.every((r) => r.groupBy.join() === plan.rules[0]!.groupBy.join());
    if (same)
      return `sequence${by(plan.rules[0]!.groupBy)} with ${maxspan}\n  ${plan.rules.map((_, i) => event(i)).join("\n  ")}`;
    return `sequence with ${maxspan}\n  ${plan.rules.map((r, i) => `${event(i)}${by(r.groupBy)}`).join("\n  ")}`;
  }
  if (c.type === "event_count") {
    const ops = c.condition!.ops;
    if (plan.rules.length !== 1 || ops.length !== 1 || (ops[0]!.op !== "gte" && ops[0]!.op !== "gt"))
      fail(
        "EQL counts events only as a run of one rule's query (at least n): event_count over one rule with gte or gt",
      );
    const runs = ops[0]!.op === "gt" ? ops[0]!.value + 1 : ops[0]!.value;
    if (runs < 2 || runs > MAX_RUNS)
      fail(`EQL runs must be between 2 and ${MAX_RUNS} (this condition needs ${runs})`);
    return `sequence${by(plan.rules[0]!.groupBy)} with ${maxspan}\n  ${event(0)} with runs=${runs}`;
  }
  return fail(
    c.type === "temporal"
      ? "EQL sequences are ordered; temporal (any order) has no EQL form. Use temporal_ordered if the order is known"
      : `EQL has no aggregation: ${c.type} needs a query language with stats (ES|QL)`,
  );
}
