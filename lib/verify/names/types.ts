// What a language's name extractor returns: every table, field and enumerated value a query
// refers to (with its offset in the query text), and the names the query itself creates.
import type { Token } from "@/lib/verify/syntax/lexer";

export type NameKind = "table" | "field" | "value";

export type NameRef = {
  kind: NameKind;
  name: string;
  /** Offset of the name in the query text. */
  offset: number;
  /** For values: the field whose enumeration holds them (`ActionType`, `metadata.event_type`). For
   * Splunk data-model fields: the dataset (`Processes`). */
  scope?: string;
};

export type Extracted = { refs: NameRef[]; created: Set<string> };

export type Extractor = (text: string) => Extracted;

export const COMPARISONS = new Set(["=", "==", "!=", "<", ">", "<=", ">=", ":", "=~", "!~"]);

export function isPunct(t: Token | undefined, ...texts: string[]): boolean {
  return t?.kind === "punct" && texts.includes(t.text);
}

export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t?.kind === "word" && words.includes(t.text.toLowerCase());
}

/** The text of a string token without its quotes (triple or single). */
export function unquote(t: Token): string {
  const q = t.text.startsWith('"""') ? 3 : 1;
  return t.text.slice(q, t.text.length - q);
}

/** String literals after `field <op>`: one literal, or a parenthesised list (`: ("a", "b")`, `in (...)`). */
export function literalsAfter(tokens: Token[], i: number): Token[] {
  let j = i + 1;
  const op = tokens[j];
  if (!op) return [];
  if (!(op.kind === "punct" && COMPARISONS.has(op.text)) && !isWord(op, "in", "in~", "like", "not"))
    return [];
  j++;
  if (isPunct(tokens[j], "~")) j++; // Kusto's in~
  if (isWord(tokens[j], "in")) j++;
  if (tokens[j]?.kind === "string") return [tokens[j] as Token];
  if (!isPunct(tokens[j], "(")) return [];
  const out: Token[] = [];
  for (j++; j < tokens.length && !isPunct(tokens[j], ")"); j++)
    if (tokens[j]?.kind === "string") out.push(tokens[j] as Token);
  return out;
}

/** Named capture groups of a regex or grok-like pattern, which become fields. */
export function namedGroups(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_.]*)>/g)].map((m) => m[1] ?? "");
}
