// CrowdStrike Falcon LogScale (CQL): strings, /regex/flags, comments, balanced brackets, a filter
// or function in every pipeline stage, and only function names LogScale has.
import type { QueryProblem } from "@/lib/verify/types";
import { checkBrackets, lex, problem, type LexRules, type Token } from "@/lib/verify/syntax/lexer";
import { checkRegexTokens, literalBody } from "@/lib/verify/syntax/regex";
import { LOGSCALE_FUNCTIONS } from "@/lib/verify/syntax/logscale-functions";

const REGEX_AFTER = new Set(["|", "=", "!=", "(", ",", "{", ";", "[", "!", "and", "or", "not", "=~"]);

/** Exported so the field-name check lexes queries exactly as the syntax check does. */
export const RULES: LexRules = {
  quotes: [{ open: '"', close: '"', escapes: true, kind: "string" }],
  lineComments: ["//"],
  blockComments: [["/*", "*/"]],
  regexAllowed: (previous) => !previous || REGEX_AFTER.has(previous.text.toLowerCase()),
  wordChars: ".-",
  wordStart: "#@$",
  operators: [":=", "!=", "<=", ">=", "==", "=~"],
};

/** `array:filter(` lexes as word, ":", word, "(": join namespaced names back together. */
function calledName(tokens: Token[], i: number): { name: string; first: Token } | null {
  const t = tokens[i]!;
  if (t.kind !== "word" || tokens[i + 1]?.text !== "(" || tokens[i + 1]!.start !== t.end) return null;
  const colon = tokens[i - 1];
  const ns = tokens[i - 2];
  if (colon?.text === ":" && colon.end === t.start && ns?.kind === "word" && ns.end === colon.start)
    return { name: `${ns.text}:${t.text}`, first: ns };
  return { name: t.text, first: t };
}

export function checkLogScale(text: string): QueryProblem[] {
  const { tokens, problems } = lex(text, RULES);
  problems.push(...checkBrackets(text, tokens));
  problems.push(
    ...checkRegexTokens(
      text,
      tokens.filter((t) => t.kind === "regex").map((t) => ({ token: t, body: literalBody(t) })),
    ),
  );
  tokens.forEach((t, i) => {
    if (t.kind === "punct" && t.text === "|") {
      const next = tokens[i + 1];
      if (!next || next.text === "|" || next.text === "}" || next.text === ")")
        problems.push(problem(text, t, "a pipe must be followed by a filter or function"));
    }
    const call = calledName(tokens, i);
    if (!call || call.name.startsWith("$")) return; // $savedQuery() invocations
    if (!LOGSCALE_FUNCTIONS.has(call.name.toLowerCase()))
      problems.push(problem(text, call.first, `"${call.name}()" is not a LogScale query function`));
  });
  return problems;
}
