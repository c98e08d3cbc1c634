// A small configurable lexer shared by the EQL, ES|QL, SPL, YARA-L and LogScale checks. It knows
// each language's strings, comments and regex literals, so brackets and keywords inside them are
// not mistaken for code, and reports what never closes.
import type { QueryProblem } from "@/lib/verify/types";
import { position } from "@/lib/verify/types";

export type TokenKind = "word" | "string" | "regex" | "number" | "punct";
export type Token = { kind: TokenKind; text: string; start: number; end: number };

export type QuoteRule = {
  open: string;
  close: string;
  /** Backslash escapes the next character. */
  escapes: boolean;
  /** What the quoted text is: a string literal or a quoted identifier (ES|QL backticks). */
  kind: "string" | "word";
  /** Strings that may not span lines (most single-line literals). */
  singleLine?: boolean;
  /** Why this quote is not allowed here (EQL single quotes): reported, then lexed as a string. */
  forbidden?: string;
};

export type LexRules = {
  /** Longest first: `"""` before `"`. */
  quotes: QuoteRule[];
  lineComments: string[];
  blockComments: Array<[string, string]>;
  /** Whether `/` starts a regex literal here, given the previous token. */
  regexAllowed?: (previous: Token | undefined) => boolean;
  /** Characters that may appear in a word after the first one, beyond [A-Za-z0-9_]. */
  wordChars?: string;
  /** Characters that may start a word, beyond [A-Za-z_]. */
  wordStart?: string;
  /** Multi-character operators, longest first. */
  operators?: string[];
};

export type Lexed = { tokens: Token[]; problems: QueryProblem[] };

function problemAt(text: string, offset: number, message: string): QueryProblem {
  return { ...position(text, offset), message };
}

function isWordStart(ch: string, rules: LexRules) {
  return /[A-Za-z_]/.test(ch) || (rules.wordStart ?? "").includes(ch);
}
function isWordChar(ch: string, rules: LexRules) {
  return /[A-Za-z0-9_]/.test(ch) || (rules.wordChars ?? "").includes(ch);
}

/** Reads a quoted literal starting at `i`; returns its end offset or -1 if it never closes. */
function readQuoted(text: string, i: number, rule: QuoteRule): number {
  let j = i + rule.open.length;
  while (j < text.length) {
    if (rule.escapes && text[j] === "\\") {
      j += 2;
      continue;
    }
    if (rule.singleLine && text[j] === "\n") return -1;
    if (text.startsWith(rule.close, j)) return j + rule.close.length;
    j++;
  }
  return -1;
}

/** Reads a /regex/ literal with escapes and character classes; returns its end or -1. */
function readRegex(text: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < text.length) {
    const ch = text[j];
    if (ch === "\n") return -1;
    if (ch === "\\") {
      j += 2;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    else if (ch === "/" && !inClass) {
      j++;
      while (j < text.length && /[a-z]/i.test(text[j] ?? "")) j++;
      return j;
    }
    j++;
  }
  return -1;
}

export function lex(text: string, rules: LexRules): Lexed {
  const tokens: Token[] = [];
  const problems: QueryProblem[] = [];
  const operators = rules.operators ?? [];
  let i = 0;
  outer: while (i < text.length) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    for (const c of rules.lineComments)
      if (text.startsWith(c, i)) {
        const nl = text.indexOf("\n", i);
        i = nl === -1 ? text.length : nl;
        continue outer;
      }
    for (const [open, close] of rules.blockComments)
      if (text.startsWith(open, i)) {
        const end = text.indexOf(close, i + open.length);
        if (end === -1) {
          problems.push(problemAt(text, i, `comment opened with ${open} is never closed with ${close}`));
          return { tokens, problems };
        }
        i = end + close.length;
        continue outer;
      }
    for (const rule of rules.quotes)
      if (text.startsWith(rule.open, i)) {
        if (rule.forbidden) problems.push(problemAt(text, i, rule.forbidden));
        const end = readQuoted(text, i, rule);
        if (end === -1) {
          problems.push(problemAt(text, i, `${rule.open} opened here is never closed with ${rule.close}`));
          return { tokens, problems };
        }
        tokens.push({ kind: rule.kind, text: text.slice(i, end), start: i, end });
        i = end;
        continue outer;
      }
    if (ch === "/" && rules.regexAllowed?.(tokens.at(-1))) {
      const end = readRegex(text, i);
      if (end === -1) {
        problems.push(problemAt(text, i, "regex literal opened with / is never closed on its line"));
        return { tokens, problems };
      }
      tokens.push({ kind: "regex", text: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < text.length && /[0-9A-Za-z_.]/.test(text[j] ?? "")) j++;
      tokens.push({ kind: "number", text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (isWordStart(ch, rules)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j] ?? "", rules)) j++;
      tokens.push({ kind: "word", text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const op = operators.find((o) => text.startsWith(o, i)) ?? ch;
    tokens.push({ kind: "punct", text: op, start: i, end: i + op.length });
    i += op.length;
  }
  return { tokens, problems };
}

const PAIRS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** Unmatched or crossed (, [ and { outside strings, regexes and comments. */
export function checkBrackets(text: string, tokens: Token[]): QueryProblem[] {
  const stack: Token[] = [];
  const problems: QueryProblem[] = [];
  for (const t of tokens) {
    if (t.kind !== "punct") continue;
    if (PAIRS[t.text]) stack.push(t);
    else if (CLOSERS[t.text]) {
      const open = stack.pop();
      if (!open) problems.push(problemAt(text, t.start, `"${t.text}" has no matching "${CLOSERS[t.text]}"`));
      else if (PAIRS[open.text] !== t.text) {
        const at = position(text, open.start);
        problems.push(
          problemAt(
            text,
            t.start,
            `"${t.text}" closes "${open.text}" opened at line ${at.line}, column ${at.column}`,
          ),
        );
      }
    }
  }
  for (const open of stack) problems.push(problemAt(text, open.start, `"${open.text}" is never closed`));
  return problems;
}

/** Depth of (, [ and { before each token, so checks can look at top-level structure only. */
export function depths(tokens: Token[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    const before = depth;
    if (t.kind === "punct" && PAIRS[t.text]) depth++;
    else if (t.kind === "punct" && CLOSERS[t.text]) depth = Math.max(0, depth - 1);
    return before;
  });
}

export function problem(text: string, token: Token | undefined, message: string): QueryProblem {
  return problemAt(text, token?.start ?? 0, message);
}
