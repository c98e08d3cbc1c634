// Regular expressions written for PCRE that the platform's engine reads differently: KQL and
// YARA-L use RE2 (no lookaround, no backreferences); ES|QL RLIKE and EQL `regex` use Lucene's
// regexp, which has no anchors (`^`/`$` are literal characters and the pattern must match the
// whole value), no inline flags such as (?i), no lookaround and no `\b`.
import { findingAt } from "@/lib/verify/rules/finding";
import { isPunct, isWord, closing, stringValue, tokensOf } from "@/lib/verify/rules/tokens";
import { kqlString, startOf } from "@/lib/verify/rules/kql-helpers";
import { kqlTree, walk } from "@/lib/verify/kusto/tree";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import type { Token } from "@/lib/verify/syntax/lexer";

const ID = "regex-flavour";

const RE2: Array<[RegExp, string]> = [
  [/\(\?<?[=!]/, "lookaround is not supported by RE2"],
  [/\(\?>/, "atomic groups are not supported by RE2"],
  [/[*+?}]\+/, "possessive quantifiers are not supported by RE2"],
];
const LUCENE: Array<[RegExp, string]> = [
  [
    /^\^|(?<!\\)\$$/,
    "Lucene regexp has no anchors: ^ and $ are literal characters and the pattern already matches the whole value",
  ],
  [
    /\(\?[imsx]+\)/,
    "Lucene regexp has no inline flags such as (?i): use a case-insensitive operator instead",
  ],
  [/\(\?<?[=!]/, "Lucene regexp has no lookaround"],
  [/\\b/, "Lucene regexp has no \\b word boundary (it reads \\b as the letter b)"],
];

/** Escapes (`\\x`) read as pairs, so `\\\\1` (an escaped backslash, then 1) is not a backreference. */
function hasBackreference(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++)
    if (pattern[i] === "\\") {
      if (/[1-9]/.test(pattern[i + 1] ?? "")) return true;
      i++;
    }
  return false;
}

function problem(pattern: string, rules: Array<[RegExp, string]>): string | undefined {
  if (rules === RE2 && hasBackreference(pattern)) return "backreferences are not supported by RE2";
  return rules.find(([re]) => re.test(pattern))?.[1];
}

/** String arguments that are patterns: after RLIKE/regex operators, or inside re.regex(). */
function patternTokens(tokens: Token[], ops: string[]): Token[] {
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    if (!isWord(t, ...ops)) return;
    let next = i + 1;
    if (isPunct(tokens[next], "~")) next++;
    const after = tokens[next];
    if (after?.kind === "string") out.push(after);
    else if (isPunct(after, "("))
      out.push(...tokens.slice(next + 1, closing(tokens, next)).filter((x) => x.kind === "string"));
  });
  return out;
}

export const regexFlavour: Rule = {
  id: ID,
  languages: ["kql", "esql", "eql", "yara-l"],
  reason:
    "Each platform has its own regex engine (RE2 for KQL and YARA-L, Lucene regexp for ES|QL RLIKE and EQL regex), and PCRE constructs they lack either fail or silently match something else.",
  docs: "https://www.elastic.co/docs/reference/query-languages/query-dsl/regexp-syntax",
  check(query, ctx) {
    const findings: Finding[] = [];
    if (query.language === "kql") {
      walk(kqlTree(query.text, ctx.kustoGlobals), (n) => {
        if (n.type !== "LiteralExpression") return;
        const value = kqlString(n.text);
        if (value === undefined) return;
        const before = query.text.slice(Math.max(0, n.start - 40), n.start);
        if (
          !/(matches\s+regex|extract(_all)?\s*\(|replace_regex\s*\(|countof\s*\([^)]*,\s*)\s*$/.test(
            before,
          ) &&
          !/regex/.test(before)
        )
          return;
        const why = problem(value, RE2);
        if (why) findings.push(findingAt(ID, query, startOf(n), why));
      });
      return findings;
    }
    if (query.language === "yara-l") {
      const tokens = tokensOf("yara-l", query.text);
      for (const t of tokens) {
        const body = t.kind === "regex" ? t.text.slice(1, t.text.lastIndexOf("/")) : undefined;
        const why = body !== undefined ? problem(body, RE2) : undefined;
        if (why) findings.push(findingAt(ID, query, t.start, why));
      }
      for (const t of patternTokens(tokens, ["re.regex", "re.capture"])) {
        const why = problem(stringValue(t), RE2);
        if (why) findings.push(findingAt(ID, query, t.start, why));
      }
      return findings;
    }
    const lang = query.language === "esql" ? "esql" : "eql";
    for (const t of patternTokens(tokensOf(lang, query.text), lang === "esql" ? ["rlike"] : ["regex"])) {
      const why = problem(stringValue(t), LUCENE);
      if (why) findings.push(findingAt(ID, query, t.start, why));
    }
    return findings;
  },
};
