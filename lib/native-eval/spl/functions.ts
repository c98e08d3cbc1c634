// Evaluation functions the corpus calls, per the Search Reference "Evaluation functions" pages
// (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/evaluation-functions/evaluation-functions).
// An unknown function makes the whole query "not evaluated" (NativeEvalError names it).
import { NativeEvalError } from "@/lib/native-eval/types";
import { isNull, num, str, values, type Row, type Value } from "@/lib/native-eval/spl/rows";
import { compileRegex } from "@/lib/native-eval/spl/pcre";
import { relativeTime, strftime } from "@/lib/native-eval/spl/time";
import { evaluate, fieldsOf, truthy, type Env, type Expr } from "@/lib/native-eval/spl/expr";

/**
 * like(TEXT, PATTERN): `%` matches any run, `_` one character, the whole value, case-sensitively
 * (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/evaluation-functions/comparison-and-conditional-functions#like).
 * A backslash makes the next `%`, `_` or `\` literal.
 */
export function likeMatch(text: string, pattern: string): boolean {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length && "%_\\".includes(pattern[i + 1]!)) {
      re += pattern[++i]!.replace(/[\\]/, "\\\\");
    } else if (c === "%") re += "[\\s\\S]*";
    else if (c === "_") re += "[\\s\\S]";
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`${re}$`).test(text);
}

function ipToInt(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

function mv(v: Value): Value {
  const vs = values(v);
  return vs.length === 0 ? null : vs.length === 1 ? vs[0] : vs;
}

export function callFunction(name: string, args: Expr[], row: Row, env: Env): Value {
  const ev = (i: number) => evaluate(args[i]!, row, env);
  const s = (i: number) => {
    const v = ev(i);
    return isNull(v) ? null : str(v);
  };
  switch (name) {
    case "true":
      return true;
    case "false":
      return false;
    case "null":
      return null;
    case "now":
      return Math.floor(env.now.getTime() / 1000);
    case "lower":
    case "upper": {
      const v = ev(0);
      if (isNull(v)) return null;
      const f = (x: string | number | boolean) =>
        name === "lower" ? String(x).toLowerCase() : String(x).toUpperCase();
      return Array.isArray(v) ? values(v).map(f) : f(v);
    }
    case "len": {
      const v = s(0);
      return v === null ? null : [...v].length;
    }
    case "trim":
    case "ltrim":
    case "rtrim": {
      const v = s(0);
      if (v === null) return null;
      const chars = args.length > 1 ? (s(1) ?? " \t") : " \t";
      const set = new Set([...chars]);
      let a = 0;
      let b = v.length;
      if (name !== "rtrim") while (a < b && set.has(v[a]!)) a++;
      if (name !== "ltrim") while (b > a && set.has(v[b - 1]!)) b--;
      return v.slice(a, b);
    }
    case "match": {
      const v = ev(0);
      const re = s(1);
      if (isNull(v) || re === null) return null;
      const r = compileRegex(re);
      return values(v).some((x) => r.test(String(x)));
    }
    case "like": {
      const v = ev(0);
      const p = s(1);
      if (isNull(v) || p === null) return null;
      return values(v).some((x) => likeMatch(String(x), p));
    }
    case "if": {
      const c = ev(0);
      return truthy(c) ? ev(1) : ev(2);
    }
    case "case": {
      for (let i = 0; i + 1 < args.length; i += 2) if (truthy(ev(i))) return ev(i + 1);
      return null;
    }
    case "coalesce": {
      for (let i = 0; i < args.length; i++) {
        const v = ev(i);
        if (!isNull(v)) return v;
      }
      return null;
    }
    case "isnull":
      return isNull(ev(0));
    case "isnotnull":
      return !isNull(ev(0));
    case "isnum":
      return num(ev(0)) !== null;
    case "in": {
      const v = ev(0);
      if (isNull(v)) return null;
      const vs = values(v).map(String);
      for (let i = 1; i < args.length; i++)
        if (values(ev(i)).some((x) => vs.includes(String(x)))) return true;
      return false;
    }
    case "substr": {
      const v = s(0);
      if (v === null) return null;
      const start = num(ev(1)) ?? 1;
      const len = args.length > 2 ? (num(ev(2)) ?? undefined) : undefined;
      const from = start > 0 ? start - 1 : Math.max(0, v.length + start);
      return len === undefined ? v.slice(from) : v.slice(from, from + len);
    }
    case "replace": {
      const v = ev(0);
      const re = s(1);
      const rep = s(2);
      if (isNull(v) || re === null || rep === null) return null;
      // PCRE replacement: \1 refers to a group; our JS RegExp needs $1.
      const jsRep = rep.replace(/\$/g, "$$$$").replace(/\\(\d)/g, "$$$1");
      let p = re;
      let flags = "g";
      const lead = /^\(\?i\)/.exec(p);
      if (lead) {
        p = p.slice(4);
        flags += "i";
      }
      compileRegex(re);
      const r = new RegExp(p, flags);
      const f = (x: string | number | boolean) => String(x).replace(r, jsRep);
      return Array.isArray(v) ? values(v).map(f) : f(v);
    }
    case "split": {
      const v = s(0);
      const d = s(1);
      if (v === null || d === null) return null;
      return d === "" ? [...v] : v.split(d);
    }
    case "mvcount": {
      const v = ev(0);
      return isNull(v) ? null : values(v).length;
    }
    case "mvindex": {
      const vs = values(ev(0));
      if (!vs.length) return null;
      const at = (i: number) => (i < 0 ? vs.length + i : i);
      const a = at(num(ev(1)) ?? 0);
      if (args.length < 3) return vs[a] ?? null;
      const b = at(num(ev(2)) ?? 0);
      return mv(vs.slice(a, b + 1));
    }
    case "mvjoin": {
      const v = ev(0);
      if (isNull(v)) return null;
      return values(v)
        .map(String)
        .join(s(1) ?? "");
    }
    case "mvfilter": {
      // mvfilter's expression reads exactly one multivalue field and is run once per value.
      const fields = [...new Set(fieldsOf(args[0]!))];
      if (fields.length !== 1) throw new NativeEvalError("mvfilter over more than one field");
      const f = fields[0]!;
      const kept = values(row.f[f]).filter((x) =>
        truthy(evaluate(args[0]!, { f: { ...row.f, [f]: x }, ids: row.ids }, env)),
      );
      return mv(kept);
    }
    case "mvzip": {
      const a = values(ev(0));
      const b = values(ev(1));
      const d = args.length > 2 ? (s(2) ?? ",") : ",";
      const n = Math.min(a.length, b.length);
      return mv(Array.from({ length: n }, (_, i) => `${a[i]}${d}${b[i]}`));
    }
    case "mvmap": {
      if (args[0]!.t !== "field") throw new NativeEvalError("mvmap over an expression");
      const f = args[0]!.name;
      return mv(
        values(row.f[f]).flatMap((x) =>
          values(evaluate(args[1]!, { f: { ...row.f, [f]: x }, ids: row.ids }, env)),
        ),
      );
    }
    case "round": {
      const n = num(ev(0));
      if (n === null) return null;
      const d = args.length > 1 ? (num(ev(1)) ?? 0) : 0;
      return Math.round(n * 10 ** d) / 10 ** d;
    }
    case "abs": {
      const n = num(ev(0));
      return n === null ? null : Math.abs(n);
    }
    case "floor": {
      const n = num(ev(0));
      return n === null ? null : Math.floor(n);
    }
    case "ceiling":
    case "ceil": {
      const n = num(ev(0));
      return n === null ? null : Math.ceil(n);
    }
    case "tonumber": {
      const v = s(0);
      if (v === null) return null;
      const base = args.length > 1 ? (num(ev(1)) ?? 10) : 10;
      if (base === 10) return num(v);
      const n = parseInt(v.replace(/^0x/i, ""), base);
      return Number.isNaN(n) ? null : n;
    }
    case "tostring": {
      const v = ev(0);
      return isNull(v) ? null : str(v);
    }
    case "strftime": {
      const t = num(ev(0));
      const f = s(1);
      return t === null || f === null ? null : strftime(t, f);
    }
    case "relative_time": {
      const t = num(ev(0));
      const spec = s(1);
      return t === null || spec === null ? null : relativeTime(t, spec);
    }
    case "cidrmatch": {
      const cidr = s(0);
      const ip = s(1);
      if (cidr === null || ip === null) return null;
      const [base, bits] = cidr.split("/");
      const b = ipToInt(base ?? "");
      const i = ipToInt(ip);
      if (b === null || i === null) return false;
      const n = Number(bits ?? 32);
      const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
      return (b & mask) >>> 0 === (i & mask) >>> 0;
    }
    default:
      throw new NativeEvalError(`eval function ${name}()`);
  }
}
