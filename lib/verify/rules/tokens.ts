// Lexes a query with its language's own syntax-check rules, so semantic rules see the same
// strings, comments and words the syntax check does, and reads literal values out of tokens.
import type { QueryLanguage } from "@/lib/content/schema";
import { lex, type Token } from "@/lib/verify/syntax/lexer";
import { RULES as EQL } from "@/lib/verify/syntax/eql";
import { RULES as ESQL } from "@/lib/verify/syntax/esql";
import { RULES as LOGSCALE } from "@/lib/verify/syntax/logscale";
import { RULES as SPL } from "@/lib/verify/syntax/spl";
import { RULES as YARAL } from "@/lib/verify/syntax/yara-l";

const LEX = { eql: EQL, esql: ESQL, logscale: LOGSCALE, spl: SPL, "yara-l": YARAL } as const;

export function tokensOf(language: Exclude<QueryLanguage, "kql">, text: string): Token[] {
  return lex(text, LEX[language]).tokens;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t" };

/** The value a string token denotes: raw for triple-quoted, `?"` and backtick strings. */
export function stringValue(token: Token): string {
  const t = token.text;
  if (t.startsWith('"""')) return t.slice(3, -3);
  if (t.startsWith('?"')) return t.slice(2, -1);
  if (t.startsWith("`")) return t.slice(1, -1);
  return t.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/** Index of the bracket that closes the one at `open` (or -1). */
export function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "punct") continue;
    if ("([{".includes(t.text)) depth++;
    else if (")]}".includes(t.text) && --depth === 0) return i;
  }
  return -1;
}

/** Index of the bracket that opens the one at `close` (or -1). */
export function opening(tokens: Token[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind !== "punct") continue;
    if (")]}".includes(t.text)) depth++;
    else if ("([{".includes(t.text) && --depth === 0) return i;
  }
  return -1;
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === "word" && words.includes(token.text.toLowerCase());
}

export function isPunct(token: Token | undefined, ...texts: string[]): boolean {
  return token?.kind === "punct" && texts.includes(token.text);
}

/** Tokens split at top-level `|` pipes: one array per command. */
export function commands(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && "([{".includes(t.text)) depth++;
    if (t.kind === "punct" && ")]}".includes(t.text)) depth--;
    if (depth === 0 && t.kind === "punct" && t.text === "|") out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((c) => c.length > 0);
}
