// Aggregation functions of `summarize`, per https://learn.microsoft.com/en-us/kusto/query/aggregation-functions:
// each takes the group's rows; arg_max/arg_min/take_any may return several columns.
import type { Expr } from "@/lib/native-eval/kql/ast";
import { evalExpr } from "@/lib/native-eval/kql/expr";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import type { Row, Scope } from "@/lib/native-eval/kql/scope";
import { compare, equals, isNull, toStr, truthy } from "@/lib/native-eval/kql/values";

export const AGGREGATES = new Set([
  "count",
  "countif",
  "dcount",
  "dcountif",
  "make_set",
  "make_set_if",
  "make_list",
  "make_list_if",
  "make_bag",
  "arg_max",
  "arg_min",
  "min",
  "max",
  "minif",
  "maxif",
  "sum",
  "sumif",
  "avg",
  "any",
  "take_any",
  "take_anyif",
  "stdev",
]);

const distinct = (values: unknown[]) => {
  const out: unknown[] = [];
  for (const v of values)
    if (
      !out.some(
        (o) => equals(o, v) === true || (typeof o === "object" && JSON.stringify(o) === JSON.stringify(v)),
      )
    )
      out.push(v);
  return out;
};
const present = (v: unknown) => !isNull(v);

/** Evaluates one aggregate call over a group; multi-column results come back as a record. */
export function aggregate(
  e: Extract<Expr, { t: "call" }>,
  rows: Row[],
  scope: Scope,
): { value: unknown } | { columns: Record<string, unknown> } {
  const arg = (i: number, r: Row) => evalExpr(e.args[i]!, r.cols, scope);
  const values = (i: number, pred?: number) =>
    rows.filter((r) => pred === undefined || truthy(arg(pred, r))).map((r) => arg(i, r));
  const limit = (i: number) => (e.args[i] ? Number(evalExpr(e.args[i]!, {}, scope)) : Infinity);
  const extreme = (vals: unknown[], sign: number) =>
    vals
      .filter(present)
      .reduce<unknown>((m, v) => (m === null || (compare(v, m) ?? 0) * sign > 0 ? v : m), null);
  switch (e.name) {
    case "count":
      return { value: rows.length };
    case "countif":
      return { value: rows.filter((r) => truthy(arg(0, r))).length };
    case "dcount":
      return { value: distinct(values(0).filter(present)).length };
    case "dcountif":
      return { value: distinct(values(0, 1).filter(present)).length };
    case "make_set":
      return { value: distinct(values(0).filter((v) => present(v) && v !== "")).slice(0, limit(1)) };
    case "make_set_if":
      return { value: distinct(values(0, 1).filter((v) => present(v) && v !== "")).slice(0, limit(2)) };
    case "make_list":
      return { value: values(0).filter(present).slice(0, limit(1)) };
    case "make_list_if":
      return { value: values(0, 1).filter(present).slice(0, limit(2)) };
    case "make_bag":
      return {
        value: Object.assign({}, ...values(0).filter((v) => v && typeof v === "object" && !Array.isArray(v))),
      };
    case "min":
      return { value: extreme(values(0), -1) };
    case "max":
      return { value: extreme(values(0), 1) };
    case "minif":
      return { value: extreme(values(0, 1), -1) };
    case "maxif":
      return { value: extreme(values(0, 1), 1) };
    case "sum":
      return {
        value: values(0)
          .filter((v) => typeof v === "number")
          .reduce<number>((a, v) => a + (v as number), 0),
      };
    case "sumif":
      return {
        value: values(0, 1)
          .filter((v) => typeof v === "number")
          .reduce<number>((a, v) => a + (v as number), 0),
      };
    case "avg": {
      const nums = values(0).filter((v): v is number => typeof v === "number");
      return { value: nums.length ? nums.reduce((a, v) => a + v, 0) / nums.length : null };
    }
    case "stdev": {
      const nums = values(0).filter((v): v is number => typeof v === "number");
      if (nums.length < 2) return { value: 0 };
      const mean = nums.reduce((a, v) => a + v, 0) / nums.length;
      return { value: Math.sqrt(nums.reduce((a, v) => a + (v - mean) ** 2, 0) / (nums.length - 1)) };
    }
    case "take_anyif":
      return { value: values(0, 1).find(present) ?? null };
    case "any":
    case "take_any":
      return pick(
        e,
        rows.find((r) => e.args.every((_, i) => e.args[i]!.t === "star" || present(arg(i, r)))) ?? rows[0]!,
        scope,
      );
    case "arg_max":
    case "arg_min": {
      const sign = e.name === "arg_max" ? 1 : -1;
      let best: Row | null = null;
      let bestValue: unknown = null;
      for (const r of rows) {
        const v = arg(0, r);
        if (!present(v)) continue;
        if (best === null || (compare(v, bestValue) ?? 0) * sign > 0) {
          best = r;
          bestValue = v;
        }
      }
      return pick(e, best ?? rows[0]!, scope);
    }
    default:
      throw new NotEvaluated(`aggregation ${e.name}()`);
  }
}

/** The columns take_any/arg_max return from the chosen row: each argument, or every column for `*`. */
function pick(e: Extract<Expr, { t: "call" }>, row: Row, scope: Scope) {
  if (e.args.length === 1 && e.args[0]!.t !== "star" && (e.name === "any" || e.name === "take_any"))
    return { value: evalExpr(e.args[0]!, row.cols, scope) };
  const columns: Record<string, unknown> = {};
  for (const a of e.args) {
    if (a.t === "star") Object.assign(columns, row.cols);
    else if (a.t === "col") columns[a.name] = evalExpr(a, row.cols, scope);
    else throw new NotEvaluated(`${e.name}() with an expression argument`);
  }
  return { columns };
}

export const toKey = (v: unknown) =>
  v instanceof Date
    ? `d:${v.toISOString()}`
    : `${typeof v}:${typeof v === "object" ? JSON.stringify(v) : toStr(v)}`;
