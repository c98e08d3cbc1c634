// Scalar semantics: types, equality, case rules and term matching, as Microsoft documents them.
// String operators: https://learn.microsoft.com/en-us/kusto/query/datatypes-string-operators
// Null rules: https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/null-values
import { RE2JS } from "re2js";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";

/** A Kusto timespan (https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/timespan). */
export class Timespan {
  constructor(readonly ms: number) {}
}

export const isNull = (v: unknown) =>
  v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** tostring(): null becomes "", dynamic values their JSON text, datetimes ISO 8601. */
export function toStr(v: unknown): string {
  if (isNull(v)) return "";
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Timespan) return `${v.ms}ms`;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;
export function toDate(v: unknown): Date | null {
  if (v instanceof Date) return v;
  if (typeof v === "string" && ISO.test(v)) return new Date(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
  return null;
}

function numeric(a: unknown, b: unknown): [number, number] | null {
  if (typeof a === "number" && typeof b === "number") return [a, b];
  const da = toDate(a);
  const db = toDate(b);
  if (da && db) return [da.getTime(), db.getTime()];
  if (a instanceof Timespan && b instanceof Timespan) return [a.ms, b.ms];
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && !Number.isNaN(Number(b)))
    return [a, Number(b)];
  if (typeof b === "number" && typeof a === "string" && a.trim() !== "" && !Number.isNaN(Number(a)))
    return [Number(a), b];
  if (typeof a === "boolean" && typeof b === "boolean") return [Number(a), Number(b)];
  return null;
}

/** `==`: case-sensitive for strings; null equals nothing (the predicate is null, i.e. false). */
export function equals(a: unknown, b: unknown, caseInsensitive = false): boolean | null {
  if (isNull(a) || isNull(b)) return null;
  const n = numeric(a, b);
  if (n) return n[0] === n[1];
  const sa = toStr(a);
  const sb = toStr(b);
  return caseInsensitive ? sa.toLowerCase() === sb.toLowerCase() : sa === sb;
}

export function compare(a: unknown, b: unknown): number | null {
  if (isNull(a) || isNull(b)) return null;
  const n = numeric(a, b);
  if (n) return n[0] - n[1];
  const sa = toStr(a);
  const sb = toStr(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A term character: Kusto terms are maximal runs of ASCII alphanumeric characters. */
const isTermChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/**
 * `has`: the right side is a whole term of the left side. A right side with non-alphanumeric
 * characters is matched as a phrase whose alphanumeric ends must sit on term boundaries: where
 * it starts (ends) with an alphanumeric character, the character before (after) the match in the
 * left side must not be alphanumeric. `hasprefix`/`hassuffix` drop the trailing/leading rule.
 */
export function hasTerm(
  lhs: string,
  rhs: string,
  cs: boolean,
  mode: "has" | "prefix" | "suffix" = "has",
): boolean {
  const l = cs ? lhs : lhs.toLowerCase();
  const r = cs ? rhs : rhs.toLowerCase();
  if (r === "") return true;
  for (let at = l.indexOf(r); at >= 0; at = l.indexOf(r, at + 1)) {
    const startOk = !isTermChar(r[0]) || !isTermChar(l[at - 1]) || mode === "suffix";
    const endOk = !isTermChar(r[r.length - 1]) || !isTermChar(l[at + r.length]) || mode === "prefix";
    if (startOk && endOk) return true;
  }
  return false;
}

const regexCache = new Map<string, RE2JS>();
/** `matches regex` and extract(): RE2 syntax (https://learn.microsoft.com/en-us/kusto/query/re2). */
export function regex(pattern: string): RE2JS {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (error) {
      throw new NotEvaluated(`regular expression ${JSON.stringify(pattern)} (${(error as Error).message})`);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/** The binary string operators, keyed as the query writes them (negations handled by the caller). */
export function stringOp(op: string, lhs: unknown, rhs: unknown): boolean {
  const l = toStr(lhs);
  const r = toStr(rhs);
  switch (op) {
    case "has":
      return hasTerm(l, r, false);
    case "has_cs":
      return hasTerm(l, r, true);
    case "hasprefix":
      return hasTerm(l, r, false, "prefix");
    case "hasprefix_cs":
      return hasTerm(l, r, true, "prefix");
    case "hassuffix":
      return hasTerm(l, r, false, "suffix");
    case "hassuffix_cs":
      return hasTerm(l, r, true, "suffix");
    case "contains":
      return l.toLowerCase().includes(r.toLowerCase());
    case "contains_cs":
      return l.includes(r);
    case "startswith":
      return l.toLowerCase().startsWith(r.toLowerCase());
    case "startswith_cs":
      return l.startsWith(r);
    case "endswith":
      return l.toLowerCase().endsWith(r.toLowerCase());
    case "endswith_cs":
      return l.endsWith(r);
    case "matches regex":
      return regex(r).matcher(l).find();
    default:
      throw new NotEvaluated(`operator ${op}`);
  }
}

/** Booleans in predicates: null and non-booleans are false (a where keeps only true rows). */
export const truthy = (v: unknown) => v === true;

/** Flattens the right side of `in`/`has_any`: dynamic arrays contribute their elements. */
export function flatten(values: unknown[]): unknown[] {
  return values.flatMap((v) => (Array.isArray(v) ? v : [v]));
}
