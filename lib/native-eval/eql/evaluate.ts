// EQL semantics, per the syntax reference
// (https://www.elastic.co/guide/en/elasticsearch/reference/current/eql-syntax.html):
// - `:` compares strings case-insensitively, `*` and `?` are wildcards; `:` with a list matches any.
// - `==`, `!=`, `in` are case-sensitive; `in~`, `like~`, `regex~` are case-insensitive.
// - `regex` uses Lucene's regular expression syntax and must match the whole value.
// - `<category> where` matches events whose ECS `event.category` contains the category; `any` matches all.
// - A multi-valued field (such as `process.args`) matches when any of its values does, as the
//   Elasticsearch term queries EQL compiles to do.
// - A missing field compares as null: no comparison with it is true, so `not field : "x"` and
//   `field != "x"` (compiled to a must_not clause) match an event without the field;
//   `field == null` / `field != null` test whether the field is missing or present.
import { inCidr } from "@/lib/native-eval/cidr";
import { getField, values } from "@/lib/native-eval/eql/fields";
import type { Expr, Value } from "@/lib/native-eval/eql/parser";
import { luceneToRegExp } from "@/lib/native-eval/esql/lucene-regex";
import type { PlatformEvent } from "@/lib/native-eval/types";

export type Outcome = { value: boolean; decided: Expr };

const wildcardCache = new Map<string, RegExp>();

/** `:` / `like` wildcard: `*` any run of characters, `?` exactly one; everything else literal. */
export function wildcardRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? "i" : "s"}${pattern}`;
  let re = wildcardCache.get(key);
  if (!re) {
    const body = [...pattern]
      .map((ch) =>
        ch === "*" ? "[\\s\\S]*" : ch === "?" ? "[\\s\\S]" : ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"),
      )
      .join("");
    re = new RegExp(`^${body}$`, caseInsensitive ? "iu" : "u");
    wildcardCache.set(key, re);
  }
  return re;
}

function resolve(v: Value, doc: PlatformEvent): unknown[] {
  return v.k === "lit" ? values(v.value) : values(getField(doc, v.name));
}

function scalarEquals(a: unknown, b: unknown, caseInsensitive: boolean): boolean {
  if (typeof a === "number" || typeof b === "number") {
    const x = Number(a);
    const y = Number(b);
    return !Number.isNaN(x) && !Number.isNaN(y) && x === y;
  }
  if (typeof a === "boolean" || typeof b === "boolean") return String(a) === String(b);
  const x = String(a);
  const y = String(b);
  return caseInsensitive ? x.toLowerCase() === y.toLowerCase() : x === y;
}

function order(a: unknown, b: unknown): number {
  if (typeof a === "number" || typeof b === "number") return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matchOne(op: string, value: unknown, pattern: unknown): boolean {
  const ci = op.endsWith("~") || op === ":";
  const base = op.replace("~", "");
  if (base === "in") return scalarEquals(value, pattern, ci);
  if (typeof value !== "string" && typeof value !== "number") return false;
  const text = String(value);
  if (base === "regex") return luceneToRegExp(String(pattern), ci).test(text);
  // `:` and `like` both read * and ? as wildcards.
  if (typeof pattern === "number") return scalarEquals(value, pattern, false);
  return wildcardRegExp(String(pattern), ci).test(text);
}

export function evaluateExpr(e: Expr, doc: PlatformEvent): Outcome {
  switch (e.k) {
    case "and": {
      const a = evaluateExpr(e.a, doc);
      if (!a.value) return a;
      const b = evaluateExpr(e.b, doc);
      return b.value ? { value: true, decided: e } : b;
    }
    case "or": {
      const a = evaluateExpr(e.a, doc);
      if (a.value) return a;
      const b = evaluateExpr(e.b, doc);
      return b.value ? b : { value: false, decided: e };
    }
    case "not": {
      const inner = evaluateExpr(e.e, doc);
      return { value: !inner.value, decided: e };
    }
    case "cmp": {
      // `field == null` is true when the field is missing or null, `field != null` when it has a value.
      const nullSide = [e.left, e.right].find((v) => v.k === "lit" && v.value === null);
      if (nullSide && (e.op === "==" || e.op === "!=")) {
        const other = nullSide === e.left ? e.right : e.left;
        const present = resolve(other, doc).length > 0;
        return { value: e.op === "==" ? !present : present, decided: e };
      }
      if (e.op === "!=") {
        const eq = evaluateExpr({ ...e, op: "==" }, doc);
        return { value: !eq.value, decided: e };
      }
      const left = resolve(e.left, doc);
      const right = resolve(e.right, doc);
      const value = left.some((a) =>
        right.some((b) => {
          if (e.op === "==") return scalarEquals(a, b, false);
          const c = order(a, b);
          return e.op === "<" ? c < 0 : e.op === "<=" ? c <= 0 : e.op === ">" ? c > 0 : c >= 0;
        }),
      );
      return { value, decided: e };
    }
    case "match": {
      const left = resolve(e.left, doc);
      const patterns = e.patterns.flatMap((p) => resolve(p, doc));
      return { value: left.some((v) => patterns.some((p) => matchOne(e.op, v, p))), decided: e };
    }
    case "cidr": {
      // cidrMatch() is true when the IP address (IPv4 or IPv6) is in any block
      // (https://www.elastic.co/docs/reference/query-languages/eql/eql-function-ref#eql-fn-cidrmatch);
      // a missing field is null, not in a block, as for the comparisons above.
      const ips = resolve(e.ip, doc);
      return { value: ips.some((ip) => e.blocks.some((b) => inCidr(String(ip), b))), decided: e };
    }
    case "value": {
      const vs = resolve(e.v, doc);
      return { value: vs.length > 0 && vs.every((v) => v === true), decided: e };
    }
  }
}

/** Whether the event belongs to the query's event category (ECS `event.category`). */
export function inCategory(category: string, doc: PlatformEvent): boolean {
  if (category === "any") return true;
  return values(getField(doc, "event.category")).some((c) => String(c) === category);
}
