// ES|QL scalar functions the corpus uses, each as documented in
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-functions-operators.html
// Single-value functions return null for null input and for a multivalue (MV_* functions take them).
import { inCidr } from "@/lib/native-eval/cidr";
import { NativeEvalError } from "@/lib/native-eval/types";
import { asDate, isMulti, normalize, toText, type Val } from "@/lib/native-eval/esql/values";

type Fn = (args: Val[], now: Date) => Val;

function single(fn: (...args: Val[]) => Val): Fn {
  return (args) => (args.some((a) => a === null || isMulti(a)) ? null : fn(...args));
}

/** CIDR_MATCH(ip, block...): true if the IP, IPv4 or IPv6, is in any block (ip-functions/cidr_match). */
export function cidrMatch(ip: string, blocks: string[]): boolean {
  return blocks.some((block) => inCidr(ip, block));
}

const DIFF_UNITS: Record<string, number> = {
  millisecond: 1,
  milliseconds: 1,
  ms: 1,
  second: 1000,
  seconds: 1000,
  ss: 1000,
  s: 1000,
  minute: 60_000,
  minutes: 60_000,
  mi: 60_000,
  n: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  hh: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
  dd: 86_400_000,
  d: 86_400_000,
  week: 604_800_000,
  weeks: 604_800_000,
  wk: 604_800_000,
  ww: 604_800_000,
};

function toNumber(v: Val): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  return null;
}

export const FUNCTIONS: Record<string, Fn> = {
  TO_LOWER: single((s) => String(s).toLowerCase()),
  TO_UPPER: single((s) => String(s).toUpperCase()),
  TO_STRING: single((s) => toText(s)),
  TO_DOUBLE: single((s) => toNumber(s)),
  TO_LONG: single((s) => {
    const n = toNumber(s);
    return n === null ? null : Math.trunc(n);
  }),
  TO_INTEGER: single((s) => {
    const n = toNumber(s);
    return n === null ? null : Math.trunc(n);
  }),
  LENGTH: single((s) => [...String(s)].length),
  STARTS_WITH: single((s, p) => String(s).startsWith(String(p))),
  ENDS_WITH: single((s, p) => String(s).endsWith(String(p))),
  // SUBSTRING is 1-based; a missing length reads to the end.
  SUBSTRING: (args) => {
    const [s = null, start = null, len] = args;
    if (s === null || start === null || isMulti(s)) return null;
    const chars = [...String(s)];
    const from = Number(start) > 0 ? Number(start) - 1 : Math.max(chars.length + Number(start), 0);
    return chars.slice(from, len === undefined || len === null ? undefined : from + Number(len)).join("");
  },
  CONCAT: single((...parts) => parts.map(toText).join("")),
  ROUND: (args) => {
    const [v = null, d] = args;
    if (v === null || isMulti(v)) return null;
    const digits = d === undefined || d === null ? 0 : Number(d);
    const f = 10 ** digits;
    return Math.round(Number(v) * f) / f;
  },
  ABS: single((v) => Math.abs(Number(v))),
  // COALESCE returns its first non-null argument (multivalues included).
  COALESCE: (args) => args.find((a) => a !== null) ?? null,
  NOW: (_args, now) => now,
  CIDR_MATCH: (args) => {
    const [ip = null, ...blocks] = args;
    if (ip === null || isMulti(ip)) return null;
    return cidrMatch(
      String(ip),
      blocks.map((b) => String(b)),
    );
  },
  DATE_DIFF: (args) => {
    const [unit, a, b] = args;
    const x = asDate(a ?? null);
    const y = asDate(b ?? null);
    if (unit === null || !x || !y) return null;
    const ms = DIFF_UNITS[String(unit).toLowerCase()];
    if (!ms) throw new NativeEvalError(`DATE_DIFF unit "${String(unit)}"`);
    return Math.trunc((y.getTime() - x.getTime()) / ms);
  },
  MV_CONCAT: (args) => {
    const [v = null, sep] = args;
    if (v === null) return null;
    return (isMulti(v) ? v : [v]).map((x) => toText(x)).join(String(sep));
  },
  MV_COUNT: (args) => (args[0] === null ? null : isMulti(args[0]!) ? args[0]!.length : 1),
  MV_FIRST: (args) => (isMulti(args[0] ?? null) ? (args[0] as Val[])[0]! : (args[0] ?? null)),
  MV_LAST: (args) => {
    const v = args[0] ?? null;
    return isMulti(v) ? v[v.length - 1]! : v;
  },
  MV_SLICE: (args) => {
    const [v = null, s, e] = args;
    if (v === null) return null;
    const list = isMulti(v) ? v : [v];
    const end = e === undefined || e === null ? Number(s) : Number(e);
    return normalize(list.slice(Number(s), end + 1));
  },
  SPLIT: single((s, d) => normalize(String(s).split(String(d)))),
};

/** DATE_TRUNC(interval, date) / BUCKET(date, interval): the start of the fixed-size UTC bucket. */
export function truncate(date: Val, ms: number): Val {
  const d = asDate(date);
  if (!d) return null;
  return new Date(Math.floor(d.getTime() / ms) * ms);
}
