// Scalar functions the corpus calls, each as Microsoft documents it
// (https://learn.microsoft.com/en-us/kusto/query/scalar-functions). Arguments arrive evaluated;
// an unknown function makes the query "not evaluated".
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import { Timespan, compare, equals, isNull, regex, toDate, toStr } from "@/lib/native-eval/kql/values";

type Fn = (args: unknown[], now: Date) => unknown;

const num = (v: unknown): number | null => {
  if (isNull(v) || v === "") return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = typeof v === "number" ? v : Number(toStr(v));
  return Number.isNaN(n) ? null : n;
};

/** parse_json: strings holding JSON become dynamic values; anything else is returned as is. */
export function parseJson(v: unknown): unknown {
  if (typeof v !== "string") return isNull(v) ? null : v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function ipv4(v: unknown): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(toStr(v).trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((a, p) => a * 256 + p, 0);
}

/** ipv4_is_in_range: https://learn.microsoft.com/en-us/kusto/query/ipv4-is-in-range-function */
function ipv4InRange(ip: unknown, range: unknown): boolean | null {
  const addr = ipv4(ip);
  const [base, bits] = toStr(range).split("/");
  const net = ipv4(base);
  if (addr === null || net === null) return null;
  const prefix = bits === undefined ? 32 : Number(bits);
  const size = 2 ** (32 - prefix);
  return Math.floor(addr / size) === Math.floor(net / size);
}

const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

function setOf(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) if (!out.some((o) => equals(o, v) === true)) out.push(v);
  return out;
}

function parseUrl(v: unknown) {
  try {
    const u = new URL(toStr(v));
    return {
      Scheme: u.protocol.replace(/:$/, ""),
      Host: u.hostname,
      Port: u.port,
      Path: u.pathname,
      Username: u.username,
      Password: u.password,
      "Query Parameters": Object.fromEntries(u.searchParams),
      Fragment: u.hash.replace(/^#/, ""),
    };
  } catch {
    return {};
  }
}

export const FUNCTIONS: Record<string, Fn> = {
  tostring: ([v]) => toStr(v),
  tolower: ([v]) => toStr(v).toLowerCase(),
  toupper: ([v]) => toStr(v).toUpperCase(),
  toint: ([v]) => {
    const n = num(v);
    return n === null ? null : Math.trunc(n);
  },
  tolong: ([v]) => {
    const n = num(v);
    return n === null ? null : Math.trunc(n);
  },
  todouble: ([v]) => num(v),
  toreal: ([v]) => num(v),
  tobool: ([v]) =>
    typeof v === "boolean"
      ? v
      : ["true", "1"].includes(toStr(v).toLowerCase())
        ? true
        : ["false", "0"].includes(toStr(v).toLowerCase())
          ? false
          : null,
  todatetime: ([v]) => toDate(v),
  parse_json: ([v]) => parseJson(v),
  todynamic: ([v]) => parseJson(v),
  dynamic: ([v]) => v ?? null,
  __array: (args) => args,
  isempty: ([v]) => isNull(v) || v === "",
  isnotempty: ([v]) => !(isNull(v) || v === ""),
  isnull: ([v]) => isNull(v),
  isnotnull: ([v]) => !isNull(v),
  iff: ([c, a, b]) => (c === true ? a : b),
  iif: ([c, a, b]) => (c === true ? a : b),
  case: (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (args[i] === true) return args[i + 1];
    return args[args.length - 1];
  },
  coalesce: (args) => args.find((a) => !isNull(a) && a !== "") ?? args.find((a) => !isNull(a)) ?? null,
  strcat: (args) => args.map(toStr).join(""),
  strcat_array: ([arr, sep]) => (Array.isArray(arr) ? arr.map(toStr).join(toStr(sep)) : ""),
  strlen: ([v]) => toStr(v).length,
  substring: ([s, start, len]) => {
    const str = toStr(s);
    const from = Math.max(0, num(start) ?? 0);
    return len === undefined ? str.slice(from) : str.slice(from, from + Math.max(0, num(len) ?? 0));
  },
  split: ([s, sep, index]) => {
    const parts = toStr(s).split(toStr(sep));
    if (index === undefined) return parts;
    const i = num(index) ?? 0;
    return i >= 0 && i < parts.length ? [parts[i]] : [];
  },
  trim: ([re, s]) =>
    toStr(s)
      .replace(new RegExp(`^(?:${toStr(re)})+`), "")
      .replace(new RegExp(`(?:${toStr(re)})+$`), ""),
  trim_start: ([re, s]) => toStr(s).replace(new RegExp(`^(?:${toStr(re)})+`), ""),
  trim_end: ([re, s]) => toStr(s).replace(new RegExp(`(?:${toStr(re)})+$`), ""),
  replace_string: ([s, find, repl]) => toStr(s).split(toStr(find)).join(toStr(repl)),
  replace_regex: ([s, re, repl]) =>
    regex(toStr(re))
      .matcher(toStr(s))
      .replaceAll(toStr(repl).replace(/\\(\d)/g, "$$$1")),
  extract: ([re, group, s]) => {
    const m = regex(toStr(re)).matcher(toStr(s));
    if (!m.find()) return "";
    return m.group(num(group) ?? 0) ?? "";
  },
  array_length: ([a]) => (Array.isArray(a) ? a.length : null),
  set_has_element: ([a, v]) => (Array.isArray(a) ? a.some((x) => equals(x, v) === true) : false),
  set_difference: ([a, ...others]) =>
    setOf(
      (Array.isArray(a) ? a : []).filter(
        (x) => !others.some((o) => Array.isArray(o) && o.some((y) => equals(x, y) === true)),
      ),
    ),
  set_union: (arrays) => setOf(arrays.flatMap((a) => (Array.isArray(a) ? a : []))),
  bag_pack: (args) => {
    const bag: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2) bag[toStr(args[i])] = args[i + 1];
    return bag;
  },
  pack: (args) => FUNCTIONS.bag_pack!(args, new Date(0)),
  round: ([v, p]) => {
    const n = num(v);
    const f = 10 ** (num(p) ?? 0);
    return n === null ? null : Math.round(n * f) / f;
  },
  abs: ([v]) => (num(v) === null ? null : Math.abs(num(v)!)),
  ago: ([t], now) => (t instanceof Timespan ? new Date(now.getTime() - t.ms) : null),
  now: (args, now) => (args[0] instanceof Timespan ? new Date(now.getTime() + args[0].ms) : now),
  bin: ([v, size]) => {
    const d = toDate(v);
    if (d && size instanceof Timespan) return new Date(Math.floor(d.getTime() / size.ms) * size.ms);
    const n = num(v);
    const s = num(size);
    return n === null || !s ? null : Math.floor(n / s) * s;
  },
  datetime_diff: ([unit, a, b]) => {
    const da = toDate(a);
    const db = toDate(b);
    const ms: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };
    const u = ms[toStr(unit)];
    if (!da || !db || !u) throw new NotEvaluated(`datetime_diff('${toStr(unit)}')`);
    return Math.trunc(da.getTime() / u) - Math.trunc(db.getTime() / u);
  },
  ipv4_is_in_range: ([ip, range]) => ipv4InRange(ip, range),
  ipv4_is_in_any_range: ([ip, ...ranges]) =>
    ranges.flatMap((r) => (Array.isArray(r) ? r : [r])).some((r) => ipv4InRange(ip, r) === true),
  ipv4_is_private: ([ip]) => (ipv4(ip) === null ? null : PRIVATE.some((r) => ipv4InRange(ip, r) === true)),
  parse_url: ([v]) => parseUrl(v),
  base64_decode_tostring: ([v]) => {
    const s = toStr(v);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return "";
    return Buffer.from(s, "base64").toString("utf8");
  },
  max_of: (args) => args.filter((a) => !isNull(a)).reduce((m, a) => ((compare(a, m) ?? 0) > 0 ? a : m)),
  min_of: (args) => args.filter((a) => !isNull(a)).reduce((m, a) => ((compare(a, m) ?? 0) < 0 ? a : m)),
};
