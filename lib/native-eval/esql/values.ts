// ES|QL values and their null and multivalue rules
// (https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-multivalued-fields.html):
// - null is absent: a comparison or function given null returns null, and WHERE keeps only true rows;
// - AND/OR are three-valued (false AND null is false, true OR null is true);
// - a field holding several values is a multivalue; comparisons and most single-value functions
//   return null for a multivalue (with a warning), so `WHERE x == "a"` drops such a row;
// - `==` and LIKE/RLIKE compare strings case-sensitively.
import { NativeEvalError } from "@/lib/native-eval/types";

export type Val = null | string | number | boolean | Date | Val[];

/** One-element arrays are single values; empty arrays are null (as Elasticsearch stores them). */
export function normalize(v: unknown): Val {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) {
    const items = v.map(normalize).filter((x) => x !== null) as Val[];
    if (items.length === 0) return null;
    return items.length === 1 ? items[0]! : items;
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  throw new NativeEvalError("object-valued column");
}

export function isMulti(v: Val): v is Val[] {
  return Array.isArray(v);
}

export function asDate(v: Val): Date | null {
  if (v instanceof Date) return v;
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** Compares two single values: negative, 0, positive; null when the types cannot be compared. */
export function compare(a: Val, b: Val): number | null {
  if (a === null || b === null || isMulti(a) || isMulti(b)) return null;
  if (a instanceof Date || b instanceof Date) {
    const x = asDate(a);
    const y = asDate(b);
    if (!x || !y) throw new NativeEvalError("comparison of a date with a non-date");
    return x.getTime() - y.getTime();
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  throw new NativeEvalError(`comparison of ${typeof a} with ${typeof b}`);
}

/**
 * LIKE pattern: `*` any run, `?` one character, `\` makes the next character literal. The pattern
 * is the string value after the literal's own escapes: "a\\*b" and """a\*b""" both match `a*b`.
 * https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-functions-operators.html#esql-like-operator
 */
export function likeRegExp(pattern: string): RegExp {
  let body = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[++i];
      if (next === undefined) throw new NativeEvalError("LIKE pattern ends with an escape character");
      body += next.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    } else if (ch === "*") body += "[\\s\\S]*";
    else if (ch === "?") body += "[\\s\\S]";
    else body += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  }
  return new RegExp(`^${body}$`, "u");
}

export function toText(v: Val): string {
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
