// Tokens of the KQL subset our corpus uses. String literal forms follow
// https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/string: "..." and '...' with
// backslash escapes, @"..." and @'...' verbatim (a doubled quote is one quote), h"..." obfuscated.
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";

export type Token =
  | { kind: "ident"; text: string; start: number; end: number }
  | { kind: "string"; value: string; start: number; end: number }
  | { kind: "number"; value: number; start: number; end: number }
  | { kind: "timespan"; ms: number; start: number; end: number }
  | { kind: "punct"; text: string; start: number; end: number }
  | { kind: "eof"; start: number; end: number };

const PUNCT = [
  "!in~",
  "!in",
  "in~",
  "==",
  "!=",
  "=~",
  "!~",
  "<=",
  ">=",
  "<",
  ">",
  "=",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  "|",
  ".",
  ";",
  "+",
  "-",
  "*",
  "/",
  "%",
  ":",
  "!",
];
/** Timespan suffixes: https://learn.microsoft.com/en-us/kusto/query/scalar-data-types/timespan */
const UNITS: Record<string, number> = {
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  ms: 1,
  milli: 1,
  millis: 1,
  millisecond: 1,
  milliseconds: 1,
};
const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "'": "'",
  "0": "\0",
};

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    const start = i;
    const verbatim = c === "@" && (text[i + 1] === '"' || text[i + 1] === "'");
    const obfuscated = (c === "h" || c === "H") && (text[i + 1] === '"' || text[i + 1] === "'");
    if (c === '"' || c === "'" || verbatim || obfuscated) {
      if (verbatim || obfuscated) i++;
      const quote = text[i]!;
      i++;
      let value = "";
      for (;;) {
        if (i >= text.length) throw new NotEvaluated("unterminated string literal", start);
        const ch = text[i]!;
        if (verbatim && ch === quote && text[i + 1] === quote) {
          value += quote;
          i += 2;
        } else if (ch === quote) {
          i++;
          break;
        } else if (!verbatim && ch === "\\") {
          const next = text[i + 1] ?? "";
          value += ESCAPES[next] ?? next;
          i += 2;
        } else {
          value += ch;
          i++;
        }
      }
      tokens.push({ kind: "string", value, start, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)([a-z]*)/i.exec(text.slice(i))!;
      const num = Number(m[1]);
      const unit = m[2]!.toLowerCase();
      i += m[0].length;
      if (unit === "") tokens.push({ kind: "number", value: num, start, end: i });
      else if (UNITS[unit] !== undefined)
        tokens.push({ kind: "timespan", ms: num * UNITS[unit]!, start, end: i });
      else if (unit === "l") tokens.push({ kind: "number", value: num, start, end: i });
      else throw new NotEvaluated(`number literal ${m[0]}`, start);
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(text.slice(i))!;
      i += m[0].length;
      if (m[0] === "in" && text[i] === "~") {
        i++;
        tokens.push({ kind: "punct", text: "in~", start, end: i });
      } else tokens.push({ kind: "ident", text: m[0], start, end: i });
      continue;
    }
    const p = PUNCT.find(
      (op) =>
        text.startsWith(op, i) && !(/[a-z]$/.test(op) && /[A-Za-z0-9_]/.test(text[i + op.length] ?? "")),
    );
    if (!p) throw new NotEvaluated(`character '${c}'`, start);
    i += p.length;
    tokens.push({ kind: "punct", text: p, start, end: i });
  }
  tokens.push({ kind: "eof", start: text.length, end: text.length });
  return tokens;
}
