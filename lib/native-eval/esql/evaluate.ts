// ES|QL expression evaluation over one row (or, for aggregate functions, over a STATS group).
// Rules and their sources: values.ts (null, multivalue, case), functions.ts (scalar functions).
// Aggregates (https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-functions-operators.html#esql-agg-functions):
// COUNT(*) counts rows, COUNT(x) counts values (each value of a multivalue), COUNT_DISTINCT and VALUES
// read distinct values, MIN/MAX/SUM/AVG skip nulls.
import { NativeEvalError } from "@/lib/native-eval/types";
import { FUNCTIONS, truncate } from "@/lib/native-eval/esql/functions";
import { luceneToRegExp } from "@/lib/native-eval/esql/lucene-regex";
import type { Expr } from "@/lib/native-eval/esql/parser";
import {
  asDate,
  compare,
  isMulti,
  likeRegExp,
  normalize,
  toText,
  type Val,
} from "@/lib/native-eval/esql/values";

export type Row = { cols: Record<string, Val>; ids: Set<string> };
export type Ctx = { now: Date; group?: Row[] };

const AGGREGATES = new Set(["COUNT", "COUNT_DISTINCT", "VALUES", "MIN", "MAX", "SUM", "AVG"]);
type Interval = { interval: number };

function isDouble(e: Expr): boolean {
  if (e.k === "lit") return typeof e.value === "number" && !Number.isInteger(e.value);
  if (e.k === "call") return ["TO_DOUBLE", "AVG"].includes(e.name);
  if (e.k === "bin") return isDouble(e.a) || isDouble(e.b);
  if (e.k === "neg") return isDouble(e.e);
  return false;
}

function flat(v: Val): Val[] {
  return v === null ? [] : isMulti(v) ? v : [v];
}

function aggregate(e: Extract<Expr, { k: "call" }>, ctx: Ctx): Val {
  if (!ctx.group) throw new NativeEvalError(`${e.name}() outside STATS`);
  const rows = ctx.group;
  if (e.name === "COUNT" && (e.args.length === 0 || e.args[0]!.k === "star")) return rows.length;
  const inner = e.args[0];
  if (!inner || e.args.length > 1) throw new NativeEvalError(`${e.name}() with ${e.args.length} arguments`);
  const vals = rows.flatMap((r) => flat(scalar(inner, r, { now: ctx.now })));
  switch (e.name) {
    case "COUNT":
      return vals.length;
    case "COUNT_DISTINCT":
      return new Set(vals.map(toText)).size;
    case "VALUES": {
      const seen = new Map<string, Val>();
      for (const v of vals) seen.set(toText(v), v);
      return normalize([...seen.values()].sort((a, b) => compare(a, b) ?? 0));
    }
    case "MIN":
    case "MAX": {
      if (!vals.length) return null;
      return vals.reduce((m, v) => ((compare(v, m) ?? 0) * (e.name === "MIN" ? -1 : 1) > 0 ? v : m));
    }
    case "SUM":
    case "AVG": {
      if (!vals.length) return null;
      const sum = vals.reduce<number>((s, v) => s + Number(v), 0);
      return e.name === "SUM" ? sum : sum / vals.length;
    }
  }
  throw new NativeEvalError(`aggregate ${e.name}`);
}

function threeValued(op: "AND" | "OR", a: Val, b: () => Val): Val {
  if (op === "AND") {
    if (a === false) return false;
    const y = b();
    if (y === false) return false;
    return a === null || y === null ? null : true;
  }
  if (a === true) return true;
  const y = b();
  if (y === true) return true;
  return a === null || y === null ? null : false;
}

function arithmetic(e: Extract<Expr, { k: "bin" }>, a: Val | Interval, b: Val | Interval): Val | Interval {
  if (a === null || b === null) return null;
  const aInt = typeof a === "object" && !Array.isArray(a) && !(a instanceof Date) ? a : null;
  const bInt = typeof b === "object" && !Array.isArray(b) && !(b instanceof Date) ? b : null;
  if (aInt || bInt) {
    const date = asDate((aInt ? b : a) as Val);
    const ms = (aInt ?? bInt)!.interval;
    if (!date) throw new NativeEvalError("date arithmetic on a non-date");
    if (e.op === "+") return new Date(date.getTime() + ms);
    if (e.op === "-" && bInt) return new Date(date.getTime() - ms);
    throw new NativeEvalError(`interval with ${e.op}`);
  }
  if (isMulti(a as Val) || isMulti(b as Val)) return null;
  if (typeof a !== "number" || typeof b !== "number") throw new NativeEvalError(`arithmetic on ${typeof a}`);
  switch (e.op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) return null;
      // Integer division truncates when both operands are integers (ES|QL arithmetic operators).
      return !isDouble(e) && Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
    case "%":
      return b === 0 ? null : a % b;
  }
  throw new NativeEvalError(`operator ${e.op}`);
}

function evaluate(e: Expr, row: Row, ctx: Ctx): Val | Interval {
  switch (e.k) {
    case "lit":
      return e.value;
    case "interval":
      return { interval: e.ms };
    case "star":
      throw new NativeEvalError("* outside COUNT(*)");
    case "col":
      return Object.prototype.hasOwnProperty.call(row.cols, e.name) ? row.cols[e.name]! : null;
    case "neg": {
      const v = scalar(e.e, row, ctx);
      return v === null || isMulti(v) ? null : -Number(v);
    }
    case "not": {
      const v = scalar(e.e, row, ctx);
      return v === null || isMulti(v) ? null : !v;
    }
    case "isnull": {
      const v = scalar(e.e, row, ctx);
      return e.negated ? v !== null : v === null;
    }
    case "like": {
      const v = scalar(e.e, row, ctx);
      if (v === null || isMulti(v)) return null;
      const re = e.op === "LIKE" ? likeRegExp(e.pattern) : luceneToRegExp(e.pattern, false);
      const hit = re.test(toText(v));
      return e.negated ? !hit : hit;
    }
    case "in": {
      const v = scalar(e.e, row, ctx);
      if (v === null || isMulti(v)) return null;
      let sawNull = false;
      for (const item of e.list) {
        const x = scalar(item, row, ctx);
        if (x === null) sawNull = true;
        else if (compare(v, x) === 0) return !e.negated;
      }
      return sawNull ? null : e.negated;
    }
    case "bin": {
      if (e.op === "AND" || e.op === "OR")
        return threeValued(e.op, scalar(e.a, row, ctx), () => scalar(e.b, row, ctx));
      const a = evaluate(e.a, row, ctx);
      const b = evaluate(e.b, row, ctx);
      if (["==", "!=", "<", "<=", ">", ">="].includes(e.op)) {
        const c = compare(a as Val, b as Val);
        if (c === null) return null;
        return e.op === "=="
          ? c === 0
          : e.op === "!="
            ? c !== 0
            : e.op === "<"
              ? c < 0
              : e.op === "<="
                ? c <= 0
                : e.op === ">"
                  ? c > 0
                  : c >= 0;
      }
      return arithmetic(e, a, b);
    }
    case "call":
      return call(e, row, ctx);
  }
}

function call(e: Extract<Expr, { k: "call" }>, row: Row, ctx: Ctx): Val | Interval {
  if (AGGREGATES.has(e.name)) return aggregate(e, ctx);
  if (e.name === "CASE") {
    for (let i = 0; i + 1 < e.args.length; i += 2)
      if (scalar(e.args[i]!, row, ctx) === true) return scalar(e.args[i + 1]!, row, ctx);
    return e.args.length % 2 === 1 ? scalar(e.args[e.args.length - 1]!, row, ctx) : null;
  }
  if (e.name === "DATE_TRUNC" || e.name === "BUCKET") {
    const [first, second] = e.name === "DATE_TRUNC" ? [e.args[1], e.args[0]] : [e.args[0], e.args[1]];
    const span = second ? evaluate(second, row, ctx) : null;
    if (e.args.length !== 2 || !span || typeof span !== "object" || !("interval" in span))
      throw new NativeEvalError(`${e.name} without a fixed time interval`);
    return truncate(scalar(first!, row, ctx), span.interval);
  }
  const fn = FUNCTIONS[e.name];
  if (!fn) throw new NativeEvalError(`function ${e.name}()`);
  return fn(
    e.args.map((a) => scalar(a, row, ctx)),
    ctx.now,
  );
}

/** Evaluates to a value (an interval on its own is not a value). */
export function scalar(e: Expr, row: Row, ctx: Ctx): Val {
  const v = evaluate(e, row, ctx);
  if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date))
    throw new NativeEvalError("time interval used as a value");
  return v;
}

/** Refuses, before any row is read, a query that calls a function this evaluator does not implement. */
export function checkFunctions(e: Expr): void {
  if (e.k === "call") {
    if (!AGGREGATES.has(e.name) && !FUNCTIONS[e.name] && !["CASE", "DATE_TRUNC", "BUCKET"].includes(e.name))
      throw new NativeEvalError(`function ${e.name}()`, e.start);
    e.args.forEach(checkFunctions);
  } else if (e.k === "bin") {
    checkFunctions(e.a);
    checkFunctions(e.b);
  } else if (e.k === "not" || e.k === "neg" || e.k === "like" || e.k === "isnull") checkFunctions(e.e);
  else if (e.k === "in") [e.e, ...e.list].forEach(checkFunctions);
}
