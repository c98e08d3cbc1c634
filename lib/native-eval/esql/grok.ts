// GROK and DISSECT: extract columns from a string. When the pattern does not match, the new
// columns are null. https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-process-data-with-dissect-and-grok.html
// GROK reads `%{SYNTAX:name}` with the Elastic grok library's definitions below and the rest of the
// pattern as a regular expression, matched anywhere in the value (not anchored).
import { NativeEvalError } from "@/lib/native-eval/types";
import type { Val } from "@/lib/native-eval/esql/values";

const GROK_PATTERNS: Record<string, string> = {
  DATA: ".*?",
  GREEDYDATA: ".*",
  NOTSPACE: "\\S+",
  WORD: "\\b\\w+\\b",
  INT: "(?:[+-]?(?:[0-9]+))",
  NUMBER: "(?:[+-]?(?:(?:[0-9]+(?:\\.[0-9]+)?)|(?:\\.[0-9]+)))",
  IP: "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*)",
  USERNAME: "[a-zA-Z0-9._-]+",
};

export function grok(pattern: string): (value: string | null) => Record<string, Val> {
  const names: string[] = [];
  const source = pattern.replace(
    /%\{(\w+)(?::([\w.@]+))?(?::\w+)?\}/g,
    (_m, syntax: string, name?: string) => {
      const body = GROK_PATTERNS[syntax];
      if (!body) throw new NativeEvalError(`GROK pattern %{${syntax}}`);
      if (!name) return `(?:${body})`;
      names.push(name);
      return `(${body})`;
    },
  );
  let re: RegExp;
  try {
    re = new RegExp(source, "u");
  } catch (error) {
    throw new NativeEvalError(`GROK pattern does not compile: ${(error as Error).message}`);
  }
  return (value) => {
    const m = value === null ? null : re.exec(value);
    return Object.fromEntries(names.map((n, i) => [n, m ? (m[i + 1] ?? null) : null]));
  };
}

/** DISSECT `%{name}` keys split by the literal text between them; modifiers are refused. */
export function dissect(pattern: string): (value: string | null) => Record<string, Val> {
  const parts = pattern.split(/(%\{[^}]*\})/).filter((p) => p !== "");
  const names = parts.filter((p) => p.startsWith("%{")).map((p) => p.slice(2, -1));
  if (names.some((n) => /[+&?*>]|->/.test(n))) throw new NativeEvalError("DISSECT key modifiers");
  const source = parts
    .map((p) => (p.startsWith("%{") ? "(.*?)" : p.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`, "su");
  return (value) => {
    const m = value === null ? null : re.exec(value);
    const entries = names.map((n, i) => [n, m ? (m[i + 1] ?? null) : null] as const);
    return Object.fromEntries(entries.filter(([n]) => n !== ""));
  };
}
