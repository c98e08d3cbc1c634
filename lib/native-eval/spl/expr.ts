// eval/where expressions (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/search-commands/eval
// and .../search-commands/where). Unlike `search`, string comparison here is case-sensitive:
// `where user="Admin"` does not match `admin` (the where page: "string comparisons are case sensitive").
// A comparison with a null field is null, and `where` drops rows whose condition is not true.
// Strings: `"..."` with `\\` and `\"` escapes (other backslashes are kept, so `"\d"` reaches the
// regex as `\d`); single quotes name a field (`'userIdentity.arn'`).
import { NativeEvalError } from "@/lib/native-eval/types";
import { isNull, num, values, type Row, type Value } from "@/lib/native-eval/spl/rows";
import { callFunction } from "@/lib/native-eval/spl/functions";

export type Expr =
  | { t: "lit"; v: Value }
  | { t: "field"; name: string }
  | { t: "call"; name: string; args: Expr[] }
  | { t: "bin"; op: string; a: Expr; b: Expr }
  | { t: "not"; a: Expr }
  | { t: "neg"; a: Expr }
  | { t: "in"; a: Expr; list: Expr[] };

type Tok = { k: "id" | "num" | "str" | "fld" | "op"; v: string };

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let v = "";
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\\" && (text[i + 1] === "\\" || text[i + 1] === c)) {
          v += text[i + 1];
          i += 2;
        } else v += text[i++];
      }
      if (i >= text.length) throw new NativeEvalError("unterminated string in eval expression");
      i++;
      out.push({ k: c === '"' ? "str" : "fld", v });
      continue;
    }
    const m = /^(\d+(\.\d+)?)/.exec(text.slice(i));
    if (m) {
      out.push({ k: "num", v: m[1]! });
      i += m[1]!.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (id) {
      out.push({ k: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (["==", "!=", "<=", ">="].includes(two)) {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("=<>()+-*/%.,".includes(c)) {
      out.push({ k: "op", v: c });
      i++;
      continue;
    }
    throw new NativeEvalError(`eval: unexpected character '${c}'`);
  }
  return out;
}

export function parseExpr(text: string): Expr {
  const toks = tokens(text);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.k === "op" && peek()!.v === v;
  const isKw = (v: string) => peek()?.k === "id" && peek()!.v.toUpperCase() === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new NativeEvalError(`eval: '${v}' expected near '${peek()?.v ?? "end"}'`);
    p++;
  };
  function or(): Expr {
    let a = and();
    while (isKw("OR") || isKw("XOR")) {
      const op = toks[p++]!.v.toUpperCase();
      a = { t: "bin", op, a, b: and() };
    }
    return a;
  }
  function and(): Expr {
    let a = not();
    while (isKw("AND")) {
      p++;
      a = { t: "bin", op: "AND", a, b: not() };
    }
    return a;
  }
  function not(): Expr {
    if (isKw("NOT")) {
      p++;
      return { t: "not", a: not() };
    }
    return cmp();
  }
  function cmp(): Expr {
    const a = add();
    const t = peek();
    if (t?.k === "op" && ["=", "==", "!=", "<", ">", "<=", ">="].includes(t.v)) {
      p++;
      return { t: "bin", op: t.v === "==" ? "=" : t.v, a, b: add() };
    }
    if (isKw("LIKE")) {
      p++;
      return { t: "call", name: "like", args: [a, add()] };
    }
    if (isKw("IN")) {
      p++;
      expect("(");
      const list: Expr[] = [];
      while (!isOp(")")) {
        list.push(add());
        if (isOp(",")) p++;
      }
      p++;
      return { t: "in", a, list };
    }
    return a;
  }
  function add(): Expr {
    let a = mul();
    while (isOp("+") || isOp("-") || isOp(".")) {
      const op = toks[p++]!.v;
      a = { t: "bin", op, a, b: mul() };
    }
    return a;
  }
  function mul(): Expr {
    let a = unary();
    while (isOp("*") || isOp("/") || isOp("%")) {
      const op = toks[p++]!.v;
      a = { t: "bin", op, a, b: unary() };
    }
    return a;
  }
  function unary(): Expr {
    if (isOp("-")) {
      p++;
      return { t: "neg", a: unary() };
    }
    return primary();
  }
  function primary(): Expr {
    const t = toks[p++];
    if (!t) throw new NativeEvalError("eval: unexpected end");
    if (t.k === "num") return { t: "lit", v: Number(t.v) };
    if (t.k === "str") return { t: "lit", v: t.v };
    if (t.k === "fld") return { t: "field", name: t.v };
    if (t.k === "op" && t.v === "(") {
      const e = or();
      expect(")");
      return e;
    }
    if (t.k === "id") {
      if (isOp("(")) {
        p++;
        const args: Expr[] = [];
        while (!isOp(")")) {
          args.push(or());
          if (isOp(",")) p++;
          else if (!isOp(")")) throw new NativeEvalError(`eval: ',' or ')' expected in ${t.v}()`);
        }
        p++;
        return { t: "call", name: t.v.toLowerCase(), args };
      }
      if (t.v === "true" || t.v === "false") return { t: "lit", v: t.v === "true" };
      if (t.v.toLowerCase() === "null") return { t: "lit", v: null };
      return { t: "field", name: t.v };
    }
    throw new NativeEvalError(`eval: unexpected '${t.v}'`);
  }
  const e = or();
  if (p < toks.length) throw new NativeEvalError(`eval: unexpected '${toks[p]!.v}'`);
  return e;
}

export function truthy(v: Value): boolean {
  return v === true;
}

function compare(op: string, a: Value, b: Value): Value {
  if (isNull(a) || isNull(b)) return null;
  const av = values(a);
  const bv = values(b);
  // A multivalue field compares true when any value does.
  return av.some((x) =>
    bv.some((y) => {
      const nx = num(x as string | number);
      const ny = num(y as string | number);
      const [l, r] = nx !== null && ny !== null ? [nx, ny] : [String(x), String(y)];
      switch (op) {
        case "=":
          return l === r;
        case "!=":
          return l !== r;
        case "<":
          return l < r;
        case ">":
          return l > r;
        case "<=":
          return l <= r;
        default:
          return l >= r;
      }
    }),
  );
}

export type Env = { now: Date };

export function evaluate(e: Expr, row: Row, env: Env): Value {
  switch (e.t) {
    case "lit":
      return e.v;
    case "field":
      return row.f[e.name];
    case "not": {
      const v = evaluate(e.a, row, env);
      return isNull(v) ? null : !truthy(v);
    }
    case "neg": {
      const n = num(evaluate(e.a, row, env));
      return n === null ? null : -n;
    }
    case "in": {
      const a = evaluate(e.a, row, env);
      if (isNull(a)) return null;
      return e.list.some((x) => compare("=", a, evaluate(x, row, env)) === true);
    }
    case "call":
      return callFunction(e.name, e.args, row, env);
    case "bin": {
      if (e.op === "AND") {
        const a = evaluate(e.a, row, env);
        if (a === false) return false;
        const b = evaluate(e.b, row, env);
        if (b === false) return false;
        return isNull(a) || isNull(b) ? null : truthy(a) && truthy(b);
      }
      if (e.op === "OR") {
        const a = evaluate(e.a, row, env);
        if (a === true) return true;
        const b = evaluate(e.b, row, env);
        if (b === true) return true;
        return isNull(a) || isNull(b) ? null : false;
      }
      if (e.op === "XOR") return truthy(evaluate(e.a, row, env)) !== truthy(evaluate(e.b, row, env));
      const a = evaluate(e.a, row, env);
      const b = evaluate(e.b, row, env);
      if (["=", "!=", "<", ">", "<=", ">="].includes(e.op)) return compare(e.op, a, b);
      if (isNull(a) || isNull(b)) return null;
      if (e.op === ".") return `${values(a).join(" ")}${values(b).join(" ")}`;
      const na = num(a);
      const nb = num(b);
      if (e.op === "+" && (na === null || nb === null)) return `${String(a)}${String(b)}`;
      if (na === null || nb === null) return null;
      switch (e.op) {
        case "+":
          return na + nb;
        case "-":
          return na - nb;
        case "*":
          return na * nb;
        case "/":
          return nb === 0 ? null : na / nb;
        default:
          return nb === 0 ? null : na % nb;
      }
    }
  }
}

/** The fields an expression reads (mvfilter evaluates per value of its one field). */
export function fieldsOf(e: Expr): string[] {
  switch (e.t) {
    case "field":
      return [e.name];
    case "lit":
      return [];
    case "call":
      return e.args.flatMap(fieldsOf);
    case "bin":
      return [...fieldsOf(e.a), ...fieldsOf(e.b)];
    case "in":
      return [...fieldsOf(e.a), ...e.list.flatMap(fieldsOf)];
    default:
      return fieldsOf(e.a);
  }
}
