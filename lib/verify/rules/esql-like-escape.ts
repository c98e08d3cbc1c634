// ES|QL LIKE/RLIKE patterns are unescaped twice: first as a "..." string literal (`\\` is one
// backslash), then by the pattern, where `\` escapes the next character. LIKE only accepts `\`
// before `*`, `?` or `\`, so `LIKE "C:\\Program Files*"` reaches the pattern as `C:\P...` and the
// query fails; RLIKE (Lucene regexp) reads `\P` as a plain `P`, so the path silently never matches.
import { findingAt } from "@/lib/verify/rules/finding";
import { isPunct, isWord, closing, stringValue, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import type { Token } from "@/lib/verify/syntax/lexer";

const ID = "esql-like-escape";
const LUCENE_CLASSES = "dDsSwW";

function patterns(tokens: Token[]): Array<{ op: "LIKE" | "RLIKE"; token: Token }> {
  const out: Array<{ op: "LIKE" | "RLIKE"; token: Token }> = [];
  tokens.forEach((t, i) => {
    if (!isWord(t, "like", "rlike")) return;
    const op = t.text.toUpperCase() as "LIKE" | "RLIKE";
    const next = tokens[i + 1];
    if (next?.kind === "string") out.push({ op, token: next });
    else if (isPunct(next, "(")) {
      const end = closing(tokens, i + 1);
      for (const x of tokens.slice(i + 2, end)) if (x.kind === "string") out.push({ op, token: x });
    }
  });
  return out;
}

/** Why the pattern's escapes are wrong, or null. */
export function escapeProblem(op: "LIKE" | "RLIKE", pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== "\\") continue;
    const next = pattern[i + 1] ?? "";
    if (op === "LIKE" && !"*?\\".includes(next || "x"))
      return `LIKE reads \`\\${next}\` as an escape, but only *, ? and \\ may be escaped: the query fails`;
    if (op === "RLIKE" && /[A-Za-z]/.test(next) && !LUCENE_CLASSES.includes(next))
      return `RLIKE reads \`\\${next}\` as the letter ${next}, not a backslash: the pattern cannot match a path`;
    i++;
  }
  return null;
}

function fixed(token: Token, op: "LIKE" | "RLIKE"): string {
  // A triple-quoted string skips the literal's unescaping; a path's `\` then needs one escape.
  const value = stringValue(token);
  const body =
    op === "LIKE" ? value.replace(/\\(?![*?\\])/g, "\\\\") : value.replace(/\\(?=[A-Za-z])/g, "\\\\");
  return `"""${body}"""`;
}

export const esqlLikeEscape: Rule = {
  id: ID,
  languages: ["esql"],
  reason:
    'In a "..." string `\\\\` is one backslash, which LIKE then reads as an escape (only `*`, `?` and `\\` may follow it) and RLIKE as a literal next character, so Windows paths need `\\\\\\\\` or a triple-quoted string.',
  docs: "https://www.elastic.co/docs/reference/query-languages/esql/functions-operators/operators#esql-like",
  check(query) {
    const findings: Finding[] = [];
    for (const { op, token } of patterns(tokensOf("esql", query.text))) {
      const problem = escapeProblem(op, stringValue(token));
      if (problem) findings.push(findingAt(ID, query, token.start, problem, [fixed(token, op)]));
    }
    return findings;
  },
};
