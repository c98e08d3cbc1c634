// Regex bodies (YARA-L and LogScale /literals/, SPL match() and rex, ES|QL RLIKE) must at least
// have balanced groups and classes: engines differ (RE2, JitRex, PCRE), but none accepts `(` alone.
import type { QueryProblem } from "@/lib/verify/types";
import { problem, type Token } from "@/lib/verify/syntax/lexer";

/** The first structural error in a regex body, or null. */
export function regexError(body: string): string | null {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "[") {
      let j = i + 1;
      if (body[j] === "^") j++;
      if (body[j] === "]") j++;
      while (j < body.length && body[j] !== "]") j += body[j] === "\\" ? 2 : 1;
      if (j >= body.length) return "character class [ is never closed";
      i = j;
    } else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return 'unbalanced ")" in regex';
  }
  return depth > 0 ? 'unbalanced "(" in regex' : null;
}

/** The body of a /literal/flags token. */
export function literalBody(token: Token): string {
  return token.text.slice(1, token.text.lastIndexOf("/"));
}

/**
 * The regex inside a quoted string token: raw `...` and """...""" as written; in "..." only \\ and
 * \" are string escapes, so `\(` stays a regex escape.
 */
export function stringBody(token: Token): string {
  const t = token.text;
  if (t.startsWith('"""')) return t.slice(3, -3);
  if (t.startsWith("`")) return t.slice(1, -1);
  return t.slice(1, -1).replace(/\\([\\"])/g, "$1");
}

export function checkRegexTokens(
  text: string,
  regexes: Array<{ token: Token; body: string }>,
): QueryProblem[] {
  return regexes.flatMap(({ token, body }) => {
    const error = regexError(body);
    return error ? [problem(text, token, error)] : [];
  });
}
