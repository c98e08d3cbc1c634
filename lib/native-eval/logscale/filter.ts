// Filters and expressions (https://library.humio.com/data-analysis/syntax-operators.html and
// .../syntax-filters.html):
// - `field=value` must match the whole value exactly, including case; `*` in the value is a
//   wildcard; `field=*` means the field exists;
// - a comparison on a field the event lacks fails, except `!=`, which then matches;
// - `field=/regex/flags` matches anywhere in the value (unanchored), case-sensitively unless
//   the `i` flag is given, and named groups become fields of the event;
// - unquoted words in test() are field names (https://library.humio.com/data-analysis/functions-test.html).
import { NativeEvalError } from "@/lib/native-eval/types";
import type { Node } from "@/lib/native-eval/logscale/ast";
import { clone, isNull, num, wildcard, type Row, type Value } from "@/lib/native-eval/logscale/values";
import { compileRegex } from "@/lib/native-eval/spl/pcre";
import { callFilter, callValue } from "@/lib/native-eval/logscale/functions";
import type { Env } from "@/lib/native-eval/logscale/env";

// The d flag makes . match line terminators too (syntax-regex-flags.html; syntax-regex-syntax.html:
// "Any character except newline (unless given flag d)").
export function regexFor(pattern: string, flags: string) {
  for (const f of flags) if (!"imsdgF".includes(f)) throw new NativeEvalError(`regex flag ${f}`);
  if (flags.includes("F")) throw new NativeEvalError("regex flag F");
  const dotAll = flags.includes("s") || flags.includes("d");
  return compileRegex(pattern, { i: flags.includes("i"), m: flags.includes("m"), s: dotAll });
}

function compareNum(op: string, a: Value, b: Value): boolean {
  const x = num(a);
  const y = num(b);
  if (x === null || y === null) {
    if (op === "=") return !isNull(a) && !isNull(b) && String(a) === String(b);
    if (op === "!=") return isNull(a) || isNull(b) || String(a) !== String(b);
    return false;
  }
  switch (op) {
    case "=":
      return x === y;
    case "!=":
      return x !== y;
    case "<":
      return x < y;
    case ">":
      return x > y;
    case "<=":
      return x <= y;
    default:
      return x >= y;
  }
}

/** Returns the row (with any regex captures added) when it passes, else null. */
export function applyFilter(n: Node, row: Row, env: Env): Row | null {
  switch (n.t) {
    case "wild":
      return row;
    case "and": {
      const a = applyFilter(n.a, row, env);
      return a && applyFilter(n.b, a, env);
    }
    case "or":
      return applyFilter(n.a, row, env) ?? applyFilter(n.b, row, env);
    case "not":
      return applyFilter(n.a, row, env) ? null : row;
    case "call":
      return callFilter(n, row, env);
    case "freetext":
      throw new NativeEvalError("free-text filter");
    case "cmp": {
      const have = n.left ? evalValue(n.left, row, env) : row.f[n.field];
      if (env.inTest || (n.op !== "=" && n.op !== "!=")) {
        return compareNum(n.op, have, evalValue(n.value, row, env)) ? row : null;
      }
      const v = n.value;
      let hit: Row | null;
      if (isNull(have)) hit = null;
      else if (v.t === "wild") hit = row;
      else if (v.t === "regex") {
        const g = regexFor(v.pattern, v.flags).groups(String(have));
        hit = g ? (Object.keys(g).length ? { ...clone(row), f: { ...row.f, ...g } } : row) : null;
      } else if (v.t === "str") hit = wildcard(v.v, String(have)) ? row : null;
      else throw new NativeEvalError(`comparison ${n.text}`);
      if (n.op === "=") return hit;
      return hit ? null : row;
    }
    default:
      throw new NativeEvalError(`filter ${n.t}`);
  }
}

export function evalValue(n: Node, row: Row, env: Env): Value {
  switch (n.t) {
    case "str":
      return n.v;
    case "num":
      return n.v;
    case "field":
      return row.f[n.name];
    case "call":
      return callValue(n, row, env);
    case "arith": {
      const a = num(evalValue(n.a, row, env));
      const b = num(evalValue(n.b, row, env));
      if (a === null || b === null) return null;
      return n.op === "+" ? a + b : n.op === "-" ? a - b : n.op === "*" ? a * b : b === 0 ? null : a / b;
    }
    case "and":
    case "or":
    case "not":
    case "cmp":
      return applyFilter(n, row, { ...env, inTest: true }) ? "true" : "false";
    default:
      throw new NativeEvalError(`expression ${n.t}`);
  }
}
