// stats / eventstats / streamstats / tstats aggregations
// (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/search-commands/stats
// and .../statistical-and-charting-functions/statistical-and-charting-functions).
// Rows whose BY fields are null are left out of `stats` (and of `eventstats` groups), as Splunk does.
// `values()` is distinct and sorted lexicographically; `list()` keeps order and duplicates.
import { NativeEvalError } from "@/lib/native-eval/types";
import { isNull, num, values, type Row, type Value } from "@/lib/native-eval/spl/rows";
import { evaluate, parseExpr, truthy, type Env, type Expr } from "@/lib/native-eval/spl/expr";

export type Agg = { fn: string; field?: string; expr?: Expr; as: string };

/** Parses `count min(_time) AS firstTime dc(x) values(eval(...)) AS y ...` up to the BY clause. */
export function parseAggs(text: string): Agg[] {
  const out: Agg[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s|,/.test(text[i]!)) i++;
  };
  while ((ws(), i < text.length)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
    if (!m) throw new NativeEvalError(`stats: cannot read '${text.slice(i, i + 20)}'`);
    const fn = m[1]!.toLowerCase();
    i += m[1]!.length;
    let arg: string | undefined;
    if (text[i] === "(") {
      let depth = 0;
      const start = i + 1;
      let inStr = false;
      for (; i < text.length; i++) {
        const c = text[i]!;
        if (c === '"' && text[i - 1] !== "\\") inStr = !inStr;
        if (inStr) continue;
        if (c === "(") depth++;
        else if (c === ")" && --depth === 0) break;
      }
      arg = text.slice(start, i).trim();
      i++;
    }
    ws();
    let as = arg === undefined ? fn : `${fn}(${arg})`;
    const asm = /^(AS|as)\s+("([^"]+)"|[^\s,]+)/.exec(text.slice(i));
    if (asm) {
      as = asm[3] ?? asm[2]!;
      i += asm[0].length;
    }
    const agg: Agg = { fn, as };
    if (arg !== undefined) {
      const ev = /^eval\(([\s\S]*)\)$/.exec(arg);
      if (ev) agg.expr = parseExpr(ev[1]!);
      else agg.field = arg.replace(/^"(.*)"$/, "$1");
    }
    if (!FUNCS.has(fn)) throw new NativeEvalError(`stats function ${fn}()`);
    out.push(agg);
  }
  return out;
}

const FUNCS = new Set([
  "count",
  "c",
  "dc",
  "distinct_count",
  "values",
  "list",
  "min",
  "max",
  "sum",
  "avg",
  "mean",
  "first",
  "last",
  "earliest",
  "latest",
]);

function argValues(a: Agg, rows: Row[], env: Env): Value[] {
  if (a.expr) return rows.map((r) => evaluate(a.expr!, r, env));
  return rows.map((r) => r.f[a.field!]);
}

export function aggregate(a: Agg, rows: Row[], env: Env): Value {
  if ((a.fn === "count" || a.fn === "c") && !a.field && !a.expr) return rows.length;
  const raw = argValues(a, rows, env);
  if (a.fn === "count" || a.fn === "c") {
    // count(eval(x)) counts rows where x is true; count(field) counts rows with the field.
    return a.expr
      ? raw.filter((v) => truthy(v) || (v !== false && !isNull(v) && v !== 0)).length
      : raw.filter((v) => !isNull(v)).length;
  }
  const flat = raw.flatMap((v) => values(v));
  switch (a.fn) {
    case "dc":
    case "distinct_count":
      return new Set(flat.map(String)).size;
    case "values": {
      const u = [...new Set(flat.map(String))].sort();
      return u.length ? u : null;
    }
    case "list":
      return flat.length ? flat.map(String) : null;
    case "sum":
    case "avg":
    case "mean": {
      const ns = flat.map((v) => num(v as string)).filter((n): n is number => n !== null);
      if (!ns.length) return null;
      const s = ns.reduce((x, y) => x + y, 0);
      return a.fn === "sum" ? s : s / ns.length;
    }
    case "min":
    case "max": {
      if (!flat.length) return null;
      const ns = flat.map((v) => num(v as string));
      if (ns.every((n) => n !== null))
        return a.fn === "min" ? Math.min(...(ns as number[])) : Math.max(...(ns as number[]));
      const ss = flat.map(String).sort();
      return a.fn === "min" ? ss[0]! : ss[ss.length - 1]!;
    }
    case "first":
    case "latest": {
      const v = raw.find((x) => !isNull(x));
      return v ?? null;
    }
    case "last":
    case "earliest": {
      const v = [...raw].reverse().find((x) => !isNull(x));
      return v ?? null;
    }
  }
  throw new NativeEvalError(`stats function ${a.fn}()`);
}

/** Groups rows by the BY fields; rows missing any BY field are returned in `dropped`. */
export function groupRows(rows: Row[], by: string[]): { groups: Map<string, Row[]>; dropped: Row[] } {
  const groups = new Map<string, Row[]>();
  const dropped: Row[] = [];
  for (const r of rows) {
    if (by.some((b) => isNull(r.f[b]) || (Array.isArray(r.f[b]) && !(r.f[b] as Value[]).length))) {
      dropped.push(r);
      continue;
    }
    const key = JSON.stringify(by.map((b) => r.f[b]));
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return { groups, dropped };
}
