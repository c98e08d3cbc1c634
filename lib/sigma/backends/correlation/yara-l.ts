// YARA-L 2.0 correlations: multi-event rules. Each correlated rule is an event variable (or, for
// counts over several rules, one variable matching any of them); group-by fields become match
// variables joined across events, `match: … over <timespan>` is the window, counts are `#e` /
// `#placeholder` in the condition and sums and averages are outcome variables
// (cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax).
import { BackendError } from "@/lib/sigma/backends/errors";
import { OP_SYMBOL, metricOf, type CorrelationPlan } from "@/lib/sigma/backends/correlation/resolve";
import { udmField, yaralFilter, yaralMeta, yaralRuleName } from "@/lib/sigma/backends/yara-l";

const fail = (m: string): never => {
  throw new BackendError("yara-l", m);
};
/** YARA-L match windows are at most 48 hours. */
const MAX_WINDOW_SECONDS = 48 * 3600;

export function yaralCorrelation(plan: CorrelationPlan): string {
  const c = plan.rule.correlation;
  if (c.groupBy.length === 0) fail("YARA-L correlates events through match variables; add group-by fields");
  if (plan.span.seconds > MAX_WINDOW_SECONDS)
    fail(`YARA-L match windows are at most 48h (timespan ${c.timespan})`);
  const vars = c.groupBy.map((g) => `$${g.replace(/[^A-Za-z0-9_]/g, "_").toLowerCase()}`);
  const temporal = c.type === "temporal" || c.type === "temporal_ordered";
  const events: string[] = [];
  const outcome: string[] = [];
  let condition: string;
  // Outcome variables compare with = != > >= < <=; counts (#e, #placeholder) with > >= < <= only,
  // and `#x < n` / `#x <= n` are unbounded: a rule needs a bounded condition on its event, so
  // those get `$e and` (cloud.google.com/chronicle/docs/yara-l/condition-syntax).
  const cmp = (lhs: string) =>
    c
      .condition!.ops.map(({ op, value }) => `${lhs} ${op === "eq" ? "=" : OP_SYMBOL[op]} ${value}`)
      .join(" and ");
  const countCmp = (lhs: string) => {
    const ops = c.condition!.ops;
    if (ops.some(({ op }) => op === "neq"))
      fail("YARA-L compares event and value counts with > >= < <= only; a count condition cannot be neq");
    const parts = ops.flatMap(({ op, value }) =>
      op === "eq" ? [`${lhs} >= ${value}`, `${lhs} <= ${value}`] : [`${lhs} ${OP_SYMBOL[op]} ${value}`],
    );
    const bounded = ops.some(({ op, value }) => op === "gt" || ((op === "gte" || op === "eq") && value > 0));
    return { text: parts.join(" and "), bounded };
  };
  if (temporal) {
    plan.rules.forEach((r, i) => {
      const e = `$e${i + 1}`;
      events.push(...yaralFilter(r.rule, r.mapping, e));
      r.groupBy.forEach((f, k) => events.push(`${vars[k]} = ${udmField(f, e)}`));
    });
    // Strictly after, as on Splunk, KQL and EQL: with <= two events of one second would count in
    // either order. UDM times compare in whole seconds, so events of one second are not ordered.
    if (c.type === "temporal_ordered")
      for (let i = 1; i < plan.rules.length; i++)
        events.push(`$e${i}.metadata.event_timestamp.seconds < $e${i + 1}.metadata.event_timestamp.seconds`);
    condition = plan.rules.map((_, i) => `$e${i + 1}`).join(" and ");
  } else {
    const filters = plan.rules.map((r) => `(${yaralFilter(r.rule, r.mapping).join(" and ")})`);
    events.push(filters.join(" or "));
    const [first] = plan.rules;
    plan.rules.forEach((r) => {
      if (r.groupBy.join() !== first!.groupBy.join() || r.valueField !== first!.valueField)
        fail(
          "counting over rules that name the group-by or value field differently needs one event per rule; YARA-L counts one event variable",
        );
    });
    first!.groupBy.forEach((f, k) => events.push(`${vars[k]} = ${udmField(f)}`));
    const metric = metricOf(plan);
    // One event variable matching any rule holds an event once, while the specification counts
    // "an event of each referenced rule": an event of two rules would count (or add its value)
    // once instead of twice. A distinct count is the same either way.
    if (plan.rules.length > 1 && (metric === "count" || metric === "sum" || metric === "avg"))
      fail(
        `${c.type} over several rules counts an event of two rules for each; a YARA-L event variable holds it once, so the count would be short`,
      );
    if (metric === "count") {
      const { text, bounded } = countCmp("#e");
      condition = bounded ? text : `$e and ${text}`;
    } else if (metric === "distinct") {
      events.push(`$value = ${udmField(first!.valueField!)}`);
      condition = `$e and ${countCmp("#value").text}`;
    } else if (metric === "sum" || metric === "avg") {
      outcome.push(`$${c.type} = ${metric}(${udmField(first!.valueField!)})`);
      condition = `$e and ${cmp(`$${c.type}`)}`;
    } else return fail("YARA-L outcome aggregates have no percentile or median");
  }
  const sections = [
    `  meta:\n${yaralMeta(plan.rule)}`,
    `  events:\n${events.map((l) => `    ${l}`).join("\n")}`,
    `  match:\n    ${vars.join(", ")} over ${plan.span.n}${plan.span.unit}`,
    ...(outcome.length ? [`  outcome:\n${outcome.map((l) => `    ${l}`).join("\n")}`] : []),
    `  condition:\n    ${condition}`,
  ];
  return `rule ${yaralRuleName(plan.rule.title)} {\n${sections.join("\n\n")}\n}`;
}
