// Time helpers: `_time` is epoch seconds (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/time-format-variables-and-modifiers/date-and-time-format-variables).
import { NativeEvalError } from "@/lib/native-eval/types";

const UNIT: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, w: 604800 };

/** Seconds in a span such as `1h`, `10m`, `30m`. */
export function spanSeconds(span: string): number {
  const m = /^(\d+)(s|sec|m|min|h|hr|d|w)$/.exec(span);
  if (!m) throw new NativeEvalError(`span=${span}`);
  return Number(m[1]) * UNIT[m[2]!]!;
}

/** Relative time modifiers: `-24h`, `-30d@d`, `-1d`, `now`, `@d` (https://help.splunk.com/en/splunk-enterprise/search/search-manual/latest/search-and-time/specify-time-modifiers-in-your-search). */
export function relativeTime(nowSec: number, spec: string): number {
  if (spec === "now" || spec === "") return nowSec;
  if (/^\d+(\.\d+)?$/.test(spec)) return Number(spec);
  const m = /^([-+]\d+)(s|sec|m|min|h|hr|d|w)?(?:@(s|m|h|d|w))?$/.exec(spec) ?? /^()()@(s|m|h|d)$/.exec(spec);
  if (!m) throw new NativeEvalError(`time modifier ${spec}`);
  let t = nowSec;
  if (m[1]) t += Number(m[1]) * UNIT[m[2] || "s"]!;
  if (m[3]) {
    const u = UNIT[m[3]]!;
    t = Math.floor(t / u) * u;
  }
  return t;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** strftime in UTC for the variables the corpus uses; any other variable is refused, not kept as text. */
export function strftime(sec: number, fmt: string): string {
  const d = new Date(sec * 1000);
  return fmt.replace(/%([A-Za-z%])/g, (_, c: string) => {
    switch (c) {
      case "Y":
        return String(d.getUTCFullYear());
      case "y":
        return pad(d.getUTCFullYear() % 100);
      case "m":
        return pad(d.getUTCMonth() + 1);
      case "d":
        return pad(d.getUTCDate());
      case "e":
        return String(d.getUTCDate());
      case "H":
        return pad(d.getUTCHours());
      case "M":
        return pad(d.getUTCMinutes());
      case "S":
        return pad(d.getUTCSeconds());
      case "F":
        return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      case "T":
        return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      case "%":
        return "%";
      default:
        throw new NativeEvalError(`strftime %${c}`);
    }
  });
}

/** Event `_time` from a sample: ISO text or epoch seconds. */
export function toEpoch(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return t / 1000;
  }
  if (v instanceof Date) return v.getTime() / 1000;
  return undefined;
}
