// A small Sigma evaluator for samples.yml: does the rule match an event? It implements the
// Sigma v2 detection semantics the corpus uses (maps are AND, lists are OR, wildcards, the common
// modifiers, and conditions with and/or/not, parentheses and "1 of"/"all of" patterns).
// Anything it does not implement throws, so a sample is never judged by a guess.

type Event = Record<string, unknown>;

export class SigmaEvalError extends Error {}

/** Field lookup: a flat key ("a.b") first, then nested objects (a: { b }). */
function lookup(event: Event, field: string): unknown {
  if (field in event) return event[field];
  let current: unknown = event;
  for (const part of field.split(".")) {
    if (current === null || typeof current !== "object" || !(part in current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function wildcardRegex(pattern: string, anchorStart: boolean, anchorEnd: boolean): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\" && (pattern[i + 1] === "*" || pattern[i + 1] === "?" || pattern[i + 1] === "\\")) {
      out += pattern[i + 1]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      i++;
    } else if (ch === "*") out += "[\\s\\S]*";
    else if (ch === "?") out += "[\\s\\S]";
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`${anchorStart ? "^" : ""}${out}${anchorEnd ? "$" : ""}`, "i");
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

function inCidr(value: string, cidr: string): boolean {
  const [net, bits] = cidr.split("/");
  const ip = ipv4ToInt(value);
  const base = ipv4ToInt(net ?? "");
  if (ip === null || base === null) return false;
  const size = 2 ** (32 - Number(bits ?? 32));
  return Math.floor(ip / size) === Math.floor(base / size);
}

const windash = (s: string) => [s, s.replace(/(^|\s)-/g, "$1/"), s.replace(/(^|\s)\//g, "$1-")];

/** One event value against one rule value with the given modifiers. */
function matchValue(actual: unknown, expected: unknown, modifiers: string[]): boolean {
  if (expected === null) return actual === undefined || actual === null || actual === "";
  if (actual === undefined || actual === null) return false;
  if (Array.isArray(actual)) return actual.some((a) => matchValue(a, expected, modifiers));
  const known = new Set(["contains", "startswith", "endswith", "all", "re", "cidr", "windash", "i", "m", "s"]);
  for (const m of modifiers)
    if (!known.has(m) && !["gt", "gte", "lt", "lte", "exists", "cased"].includes(m))
      throw new SigmaEvalError(`the evaluator does not implement the |${m} modifier`);
  if (modifiers.includes("exists")) return true; // handled by the caller
  const num = ["gt", "gte", "lt", "lte"].find((m) => modifiers.includes(m));
  if (num) {
    const a = Number(actual);
    const e = Number(expected);
    return num === "gt" ? a > e : num === "gte" ? a >= e : num === "lt" ? a < e : a <= e;
  }
  const text = String(actual);
  if (modifiers.includes("re")) {
    const flags = ["i", "m", "s"].filter((f) => modifiers.includes(f)).join("");
    return new RegExp(String(expected).replace(/^\(\?i\)/, ""), /^\(\?i\)/.test(String(expected)) ? `${flags}i` : flags).test(text);
  }
  if (modifiers.includes("cidr")) return inCidr(text, String(expected));
  const patterns = modifiers.includes("windash") ? windash(String(expected)) : [String(expected)];
  const contains = modifiers.includes("contains");
  const starts = modifiers.includes("startswith");
  const ends = modifiers.includes("endswith");
  if (typeof expected === "number" || typeof expected === "boolean") return text.toLowerCase() === String(expected).toLowerCase();
  return patterns.some((p) => wildcardRegex(p, !(contains || ends), !(contains || starts)).test(text));
}

function matchField(event: Event, key: string, expected: unknown): boolean {
  const [field, ...modifiers] = key.split("|");
  const actual = lookup(event, field!);
  if (modifiers.includes("exists")) return (actual !== undefined) === Boolean(expected);
  const values = Array.isArray(expected) ? expected : [expected];
  const test = (v: unknown) => matchValue(actual, v, modifiers);
  return modifiers.includes("all") ? values.every(test) : values.some(test);
}

/** Keyword search: any value anywhere in the event contains the keyword. */
function matchKeyword(event: Event, keyword: unknown): boolean {
  const values: string[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === "object") Object.values(v).forEach(walk);
    else if (v !== undefined && v !== null) values.push(String(v));
  };
  walk(event);
  return values.some((v) => wildcardRegex(String(keyword), false, false).test(v));
}

function matchSelection(event: Event, selection: unknown): boolean {
  if (Array.isArray(selection))
    return selection.some((item) =>
      item && typeof item === "object" ? matchSelection(event, item) : matchKeyword(event, item),
    );
  if (selection && typeof selection === "object")
    return Object.entries(selection).every(([key, expected]) => matchField(event, key, expected));
  throw new SigmaEvalError("a search identifier must be a map or a list");
}

/** Evaluates a condition expression over named selection results. */
function evaluateCondition(condition: string, results: Map<string, boolean>): boolean {
  const tokens = condition.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const names = (pattern: string) => {
    const re = pattern === "them" ? /^(?!_)/ : wildcardRegex(pattern, true, true);
    const matched = [...results.keys()].filter((n) => re.test(n));
    if (matched.length === 0) throw new SigmaEvalError(`"${pattern}" matches no search identifier`);
    return matched.map((n) => results.get(n)!);
  };
  const primary = (): boolean => {
    const t = tokens[i++];
    if (t === undefined) throw new SigmaEvalError("condition ends unexpectedly");
    if (t === "(") {
      const v = or();
      if (tokens[i++] !== ")") throw new SigmaEvalError('condition is missing ")"');
      return v;
    }
    if (t.toLowerCase() === "not") return !primary();
    if (/^(1|all)$/i.test(t) && tokens[i]?.toLowerCase() === "of") {
      i++;
      const values = names(tokens[i++] ?? "");
      return t === "1" ? values.some(Boolean) : values.every(Boolean);
    }
    if (!results.has(t)) throw new SigmaEvalError(`condition names "${t}", which is not a search identifier`);
    return results.get(t)!;
  };
  const and = (): boolean => {
    let v = primary();
    while (tokens[i]?.toLowerCase() === "and") {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i]?.toLowerCase() === "or") {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const value = or();
  if (i !== tokens.length) throw new SigmaEvalError(`unexpected "${tokens[i]}" in condition`);
  return value;
}

export function sigmaMatches(detection: Record<string, unknown>, event: Event): boolean {
  const results = new Map<string, boolean>();
  for (const [name, selection] of Object.entries(detection))
    if (name !== "condition" && name !== "timeframe") results.set(name, matchSelection(event, selection));
  const conditions = Array.isArray(detection.condition) ? detection.condition : [detection.condition];
  return conditions.some((c) => evaluateCondition(String(c), results));
}
