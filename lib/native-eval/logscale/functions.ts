// Filter functions and value functions, each per its page in the LogScale function reference
// (https://library.humio.com/data-analysis/functions-<name>.html).
import { inCidr } from "@/lib/native-eval/cidr";
import { NativeEvalError } from "@/lib/native-eval/types";
import type { Arg, Node } from "@/lib/native-eval/logscale/ast";
import { isNull, num, wildcard, type Row, type Value } from "@/lib/native-eval/logscale/values";
import { applyFilter, evalValue, regexFor } from "@/lib/native-eval/logscale/filter";
import type { Env } from "@/lib/native-eval/logscale/env";

type Call = Extract<Node, { t: "call" }>;

export function arg(c: Call, name: string, pos?: number): Node | undefined {
  const named = c.args.find((a) => a.name === name);
  if (named) return named.value;
  if (pos === undefined) return undefined;
  return c.args.filter((a: Arg) => !a.name)[pos]?.value;
}

/** A bare word or string argument (`order=desc`, `field=CommandLine`, `as="x"`). */
export function word(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.t === "str") return n.v;
  if (n.t === "field") return n.name;
  if (n.t === "num") return String(n.v);
  throw new NativeEvalError(`argument ${n.t} where a name was expected`);
}

export function words(n: Node | undefined): string[] {
  if (!n) return [];
  if (n.t === "array") return n.items.map((x) => word(x)!);
  return [word(n)!];
}

const bool = (n: Node | undefined, dflt: boolean) => (n ? word(n) === "true" : dflt);

export function callFilter(c: Call, row: Row, env: Env): Row | null {
  switch (c.name) {
    case "in": {
      // in(field, values=[...], ignoreCase=false): any value, wildcards allowed (functions-in.html).
      const f = word(arg(c, "field", 0))!;
      const v = row.f[f];
      if (isNull(v)) return null;
      const ic = bool(arg(c, "ignoreCase"), false);
      return words(arg(c, "values")).some((p) => wildcard(p, String(v), ic)) ? row : null;
    }
    case "cidr": {
      // cidr(field, subnet=[...]), IPv4 and IPv6 subnets (functions-cidr.html).
      const v = row.f[word(arg(c, "field", 0))!];
      if (isNull(v)) return null;
      return words(arg(c, "subnet")).some((s) => inCidr(String(v), s)) ? row : null;
    }
    case "test": {
      const e = arg(c, "expression", 0);
      if (!e) throw new NativeEvalError("test() without an expression");
      return applyFilter(e, row, { ...env, inTest: true }) ? row : null;
    }
    case "wildcard": {
      const p = word(arg(c, "pattern", 0))!;
      const ic = bool(arg(c, "ignoreCase"), false);
      const fields = words(arg(c, "field"));
      if (!fields.length) throw new NativeEvalError("wildcard() over the whole event");
      return fields.some(
        (f) => !isNull(row.f[f]) && wildcard(`*${p}*`.replace(/^\*\*|\*\*$/g, "*"), String(row.f[f]), ic),
      )
        ? row
        : null;
    }
    case "regex": {
      // regex(regex, field=@rawstring, strict=true, flags=): named groups become fields; with
      // strict=false an event that does not match passes unchanged (functions-regex.html).
      const p = word(arg(c, "regex", 0))!;
      const field = word(arg(c, "field")) ?? "@rawstring";
      const strict = bool(arg(c, "strict"), true);
      const flags = word(arg(c, "flags")) ?? "";
      const v = row.f[field];
      const g = isNull(v) ? null : regexFor(p, flags).groups(String(v));
      if (!g) return strict ? null : row;
      return { f: { ...row.f, ...g }, ids: row.ids };
    }
  }
  const v = callValue(c, row, env);
  return v === "true" ? row : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** formatTime with the Java-style strftime letters the corpus uses, in UTC (functions-formattime.html). */
export function formatTime(fmt: string, ms: number): string {
  const d = new Date(ms);
  return fmt.replace(/%([YmdHMSFT%])/g, (_, c: string) => {
    switch (c) {
      case "Y":
        return String(d.getUTCFullYear());
      case "m":
        return pad(d.getUTCMonth() + 1);
      case "d":
        return pad(d.getUTCDate());
      case "H":
        return pad(d.getUTCHours());
      case "M":
        return pad(d.getUTCMinutes());
      case "S":
        return pad(d.getUTCSeconds());
      case "F":
        return d.toISOString().slice(0, 10);
      case "T":
        return d.toISOString().slice(11, 19);
      default:
        return "%";
    }
  });
}

export function callValue(c: Call, row: Row, env: Env): Value {
  const val = (n: Node | undefined) => (n ? evalValue(n, row, env) : undefined);
  switch (c.name) {
    case "lower":
    case "upper": {
      const v = val(arg(c, "field", 0));
      return isNull(v) ? v : c.name === "lower" ? String(v).toLowerCase() : String(v).toUpperCase();
    }
    case "length": {
      const v = val(arg(c, "field", 0));
      return isNull(v) ? v : String(v).length;
    }
    case "coalesce": {
      const a = arg(c, "expressions", 0);
      const items = a?.t === "array" ? a.items : c.args.map((x) => x.value);
      for (const n of items) {
        const v = val(n);
        if (!isNull(v) && v !== "") return v;
      }
      return null;
    }
    case "if": {
      const cond = arg(c, "condition", 0);
      const ok = cond ? applyFilter(cond, row, { ...env, inTest: false }) : null;
      return val(ok ? arg(c, "then") : arg(c, "else"));
    }
    case "format": {
      const fmt = word(arg(c, "format", 0))!;
      const fields = words(arg(c, "field"));
      let k = 0;
      let missing = false;
      const out = fmt.replace(/%([sxXd%])/g, (_, t: string) => {
        if (t === "%") return "%";
        const v = row.f[fields[k++]!];
        if (isNull(v)) {
          missing = true;
          return "";
        }
        if (t === "s") return String(v);
        const n = num(v);
        if (n === null) throw new NativeEvalError(`format %${t} of a non-number`);
        return t === "d" ? String(Math.trunc(n)) : t === "x" ? n.toString(16) : n.toString(16).toUpperCase();
      });
      return missing ? null : out;
    }
    case "formatTime": {
      const fmt = word(arg(c, "format", 0))!;
      const tz = word(arg(c, "timezone"));
      if (tz && tz !== "UTC" && tz !== "Z") throw new NativeEvalError(`formatTime timezone=${tz}`);
      const t = num(row.f[word(arg(c, "field")) ?? "@timestamp"]);
      return t === null ? null : formatTime(fmt, t);
    }
    case "base64Decode": {
      const v = row.f[word(arg(c, "field", 0))!];
      if (isNull(v)) return null;
      const cs = (word(arg(c, "charset")) ?? "UTF-8").toUpperCase();
      const buf = Buffer.from(String(v), "base64");
      if (cs === "UTF-16LE") return buf.toString("utf16le");
      if (cs === "UTF-8") return buf.toString("utf8");
      throw new NativeEvalError(`base64Decode charset=${cs}`);
    }
    case "math:floor": {
      const n = num(val(arg(c, "value", 0)));
      return n === null ? null : Math.floor(n);
    }
    case "test":
      return callFilter(c, row, env) ? "true" : "false";
    case "in":
    case "cidr":
    case "wildcard":
      return callFilter(c, row, env) ? "true" : "false";
  }
  throw new NativeEvalError(`function ${c.name}()`);
}
