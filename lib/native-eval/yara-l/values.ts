// UDM values as YARA-L reads them (https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax):
// - an unset UDM field holds its type's zero value: "" for strings, 0 for numbers, so
//   `$e.target.user.userid != ""` drops events without the field;
// - `=` on strings is case-sensitive; `nocase` makes it case-insensitive;
// - regular expressions are RE2 and match anywhere in the value unless anchored with ^ and $;
//   `nocase` (or a leading (?i) in re.regex) ignores case; leading RE2 flags (?ims) set case
//   folding, multi-line ^ $ and a . that matches newlines (https://github.com/google/re2/wiki/Syntax);
// - without (?s) a regex only reads the first line of a value that holds newlines ("To enforce
//   full UDM field matching, add a (?s) to the regular expression",
//   https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-functions/re-regex);
// - a Timestamp field (metadata.event_timestamp) exposes `.seconds` since the epoch.
import { NativeEvalError } from "@/lib/native-eval/types";

export type Value = string | number | boolean | undefined | Value[];

export function getPath(doc: unknown, path: string[]): Value {
  let cur: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (cur === null || cur === undefined) return undefined;
    if (typeof cur === "string" && (key === "seconds" || key === "nanos") && i === path.length - 1) {
      const ms = new Date(cur).getTime();
      if (Number.isNaN(ms)) return undefined;
      return key === "seconds" ? Math.floor(ms / 1000) : (ms % 1000) * 1_000_000;
    }
    if (typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  if (cur === null || cur === undefined) return undefined;
  if (typeof cur === "object" && !Array.isArray(cur))
    throw new NativeEvalError(`${path.join(".")} is a message, not a value`);
  return cur as Value;
}

export function isZero(v: Value): boolean {
  return v === undefined || v === "" || v === 0 || v === false;
}

/** Compares with the zero value standing in for an unset field. */
export function compare(a: Value, b: Value, nocase: boolean): number | null {
  if (Array.isArray(a) || Array.isArray(b))
    throw new NativeEvalError("comparison of a repeated field that was not unnested");
  const sample = a !== undefined ? a : b;
  const zero = typeof sample === "number" ? 0 : typeof sample === "boolean" ? false : "";
  let x = a === undefined ? zero : a;
  let y = b === undefined ? zero : b;
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "boolean" || typeof y === "boolean") return String(x) === String(y) ? 0 : 1;
  x = String(x);
  y = String(y);
  if (nocase) {
    x = x.toLowerCase();
    y = y.toLowerCase();
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

const cache = new Map<string, RegExp>();

/** RE2 pattern as a JavaScript RegExp (unanchored search, as YARA-L matches). */
export function re2(source: string, nocase: boolean): RegExp {
  const key = `${nocase}${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let body = source;
  let flags = nocase ? "i" : "";
  const inline = /^\(\?([a-zA-Z]+)\)/.exec(body);
  if (inline) {
    if (!/^[ims]+$/.test(inline[1]!)) throw new NativeEvalError(`RE2 flags (?${inline[1]})`);
    flags = [...new Set([...flags, ...inline[1]!])].join("");
    body = body.slice(inline[0].length);
  }
  if (/\(\?[a-zA-Z]/.test(body.replace(/\(\?P?</g, "")))
    throw new NativeEvalError("RE2 inline flags inside the pattern");
  body = body
    .replace(/\(\?P</g, "(?<")
    .replace(/\\A/g, "^")
    .replace(/\\z/g, "$");
  for (let i = 0; i < body.length; i++)
    if (body[i] === "\\") {
      if ("QEpPCz".includes(body[i + 1] ?? "")) throw new NativeEvalError(`RE2 escape \\${body[i + 1]}`);
      i++;
    }
  try {
    const re = new RegExp(body, flags);
    cache.set(key, re);
    return re;
  } catch (error) {
    throw new NativeEvalError(`RE2 pattern does not compile here: ${(error as Error).message}`);
  }
}

/** The text a YARA-L regex reads: the whole value with (?s), else its first line. */
export function regexSubject(re: RegExp, value: string): string {
  return re.dotAll ? value : value.split("\n")[0]!;
}

function ipv4(ip: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.some((p) => p > 255) ? null : parts.reduce((a, p) => a * 256 + p, 0);
}

/** net.ip_in_range_cidr(ip, "10.0.0.0/8"): IPv4 only; an IPv6 address is refused, not guessed. */
export function ipInRange(ip: Value, cidr: Value): boolean {
  if (ip === undefined || ip === "") return false;
  const addr = ipv4(String(ip));
  if (addr === null) {
    if (String(ip).includes(":")) throw new NativeEvalError("net.ip_in_range_cidr on an IPv6 address");
    return false;
  }
  const [base, bits] = String(cidr).split("/");
  const b = ipv4(base ?? "");
  if (b === null) return false;
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(addr / size) === Math.floor(b / size);
}
