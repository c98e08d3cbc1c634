// Evaluates scalar expressions against one row. Semantics per operator are in values.ts; the
// functions in functions.ts; aggregates only inside summarize (aggregates.ts).
import type { Expr } from "@/lib/native-eval/kql/ast";
import { FUNCTIONS } from "@/lib/native-eval/kql/functions";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import type { Scope } from "@/lib/native-eval/kql/scope";
import {
  Timespan,
  compare,
  equals,
  flatten,
  hasTerm,
  isNull,
  stringOp,
  toDate,
  toStr,
  truthy,
} from "@/lib/native-eval/kql/values";

export type RowLookup = (name: string) => unknown;

export function evalExpr(e: Expr, row: Record<string, unknown>, scope: Scope): unknown {
  switch (e.t) {
    case "lit":
      return e.v;
    case "col":
      if (Object.hasOwn(row, e.name)) return row[e.name];
      if (scope.scalars.has(e.name)) return scope.scalars.get(e.name);
      return null;
    case "star":
      throw new NotEvaluated("'*' outside arg_max/arg_min");
    case "not":
      return !truthy(evalExpr(e.e, row, scope));
    case "neg": {
      const v = evalExpr(e.e, row, scope);
      return v instanceof Timespan ? new Timespan(-v.ms) : typeof v === "number" ? -v : null;
    }
    case "member":
      return member(evalExpr(e.obj, row, scope), evalExpr(e.key, row, scope));
    case "between": {
      const v = evalExpr(e.l, row, scope);
      const lo = compare(v, evalExpr(e.lo, row, scope));
      const hi = compare(v, evalExpr(e.hi, row, scope));
      if (lo === null || hi === null) return null;
      const inside = lo >= 0 && hi <= 0;
      return e.neg ? !inside : inside;
    }
    case "in":
      return evalIn(
        e.op,
        evalExpr(e.l, row, scope),
        e.list.flatMap((x) => listValues(x, row, scope)),
      );
    case "subquery":
      throw new NotEvaluated("tabular expression used as a scalar");
    case "call":
      return call(e.name, e.args, row, scope);
    case "bin":
      return binary(e.op, e, row, scope);
  }
}

function listValues(x: Expr, row: Record<string, unknown>, scope: Scope): unknown[] {
  if (x.t === "subquery") throw new NotEvaluated("'in' with a tabular subquery (evaluated in tabular.ts)");
  if (x.t === "col" && scope.tables.has(x.name)) {
    return scope.tables.get(x.name)!.map((r) => Object.values(r.cols)[0]);
  }
  return flatten([evalExpr(x, row, scope)]);
}

/** `in`/`!in` compare case-sensitively, `in~`/`!in~` case-insensitively; has_any/has_all use term rules. */
export function evalIn(op: string, v: unknown, list: unknown[]): boolean | null {
  switch (op) {
    case "in":
      return list.some((x) => equals(v, x) === true);
    case "!in":
      return isNull(v) ? null : !list.some((x) => equals(v, x) === true);
    case "in~":
      return list.some((x) => equals(v, x, true) === true);
    case "!in~":
      return isNull(v) ? null : !list.some((x) => equals(v, x, true) === true);
    case "has_any":
      return list.some((x) => hasTerm(toStr(v), toStr(x), false));
    case "has_all":
      return list.every((x) => hasTerm(toStr(v), toStr(x), false));
    default:
      throw new NotEvaluated(`operator ${op}`);
  }
}

function member(obj: unknown, key: unknown): unknown {
  if (typeof obj === "string") {
    const parsed = (() => {
      try {
        return JSON.parse(obj) as unknown;
      } catch {
        return undefined;
      }
    })();
    if (parsed === undefined) return null;
    obj = parsed;
  }
  if (Array.isArray(obj) && typeof key === "number") return obj[key < 0 ? obj.length + key : key] ?? null;
  if (obj && typeof obj === "object" && !Array.isArray(obj))
    return (obj as Record<string, unknown>)[toStr(key)] ?? null;
  return null;
}

function call(name: string, args: Expr[], row: Record<string, unknown>, scope: Scope): unknown {
  if (name === "not") return !truthy(evalExpr(args[0]!, row, scope));
  if (name === "column_ifexists") {
    const col = toStr(evalExpr(args[0]!, row, scope));
    return Object.hasOwn(row, col) ? row[col] : evalExpr(args[1]!, row, scope);
  }
  const own = scope.functions.get(name);
  if (own) {
    if (own.body.kind !== "scalar") throw new NotEvaluated(`tabular function ${name}() used as a scalar`);
    const bound: Record<string, unknown> = { ...row };
    own.params.forEach((p, i) => (bound[p] = args[i] ? evalExpr(args[i]!, row, scope) : null));
    return evalExpr(own.body.expr, bound, scope);
  }
  const fn = FUNCTIONS[name];
  if (!fn) throw new NotEvaluated(`function ${name}()`);
  return fn(
    args.map((a) => evalExpr(a, row, scope)),
    scope.now,
  );
}

function arith(op: string, a: unknown, b: unknown): unknown {
  if (isNull(a) || isNull(b)) return null;
  const da = toDate(a);
  if (a instanceof Timespan && b instanceof Timespan)
    return new Timespan(op === "+" ? a.ms + b.ms : a.ms - b.ms);
  if (da && b instanceof Timespan) return new Date(op === "+" ? da.getTime() + b.ms : da.getTime() - b.ms);
  const db = toDate(b);
  if (da && db && op === "-") return new Timespan(da.getTime() - db.getTime());
  if (a instanceof Timespan && typeof b === "number")
    return new Timespan(op === "*" ? a.ms * b : op === "/" ? a.ms / b : NaN);
  if (typeof a !== "number" || typeof b !== "number")
    throw new NotEvaluated(`arithmetic '${op}' on ${typeof a} and ${typeof b}`);
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? null : a / b;
    default:
      return b === 0 ? null : a % b;
  }
}

function binary(
  op: string,
  e: Extract<Expr, { t: "bin" }>,
  row: Record<string, unknown>,
  scope: Scope,
): unknown {
  if (op === "and") {
    const l = evalExpr(e.l, row, scope);
    if (l === false) return false;
    const r = evalExpr(e.r, row, scope);
    return l === true && r === true ? true : r === false ? false : null;
  }
  if (op === "or") {
    const l = evalExpr(e.l, row, scope);
    if (l === true) return true;
    const r = evalExpr(e.r, row, scope);
    return r === true ? true : l === false && r === false ? false : null;
  }
  const a = evalExpr(e.l, row, scope);
  const b = evalExpr(e.r, row, scope);
  switch (op) {
    case "==":
      return equals(a, b);
    case "!=": {
      const eq = equals(a, b);
      return eq === null ? null : !eq;
    }
    case "=~":
      return equals(a, b, true);
    case "!~": {
      const eq = equals(a, b, true);
      return eq === null ? null : !eq;
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const c = compare(a, b);
      if (c === null) return null;
      return op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0;
    }
    case "+":
    case "-":
    case "*":
    case "/":
    case "%":
      return arith(op, a, b);
  }
  if (op.startsWith("!")) return !stringOp(op.slice(1), a, b);
  return stringOp(op, a, b);
}

/** The column name Kusto gives an unnamed expression. */
export function columnName(e: Expr, fallback: string): string {
  if (e.t === "col") return e.name;
  if (e.t === "member") {
    const base = columnName(e.obj, fallback);
    return e.key.t === "lit" && typeof e.key.v === "string" ? `${base}_${e.key.v}` : base;
  }
  if (
    e.t === "call" &&
    ["bin", "tostring", "tolower", "toupper", "todatetime", "toint", "tolong", "todouble"].includes(e.name) &&
    e.args[0]
  )
    return columnName(e.args[0], fallback);
  return fallback;
}
