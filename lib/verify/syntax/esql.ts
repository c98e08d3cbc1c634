// Elastic ES|QL: a source command first (FROM, ROW, SHOW, TS), a processing command after every
// pipe, double-quoted strings, balanced brackets, and `==` (not `=`) for equality in WHERE.
import type { QueryProblem } from "@/lib/verify/types";
import { checkRegexTokens, stringBody } from "@/lib/verify/syntax/regex";
import { checkBrackets, depths, lex, problem, type LexRules, type Token } from "@/lib/verify/syntax/lexer";

const SOURCE = new Set(["FROM", "ROW", "SHOW", "TS", "METRICS"]);
// ES|QL processing commands (Elasticsearch 9.x reference).
const PROCESSING = new Set(
  `CHANGE_POINT COMPLETION DISSECT DROP ENRICH EVAL FORK FUSE GROK INLINESTATS INLINE KEEP LIMIT LOOKUP
  MV_EXPAND RENAME RERANK SAMPLE SORT STATS WHERE`.split(/\s+/),
);

/** Exported so the field-name check lexes queries exactly as the syntax check does. */
export const RULES: LexRules = {
  quotes: [
    { open: '"""', close: '"""', escapes: false, kind: "string" },
    { open: '"', close: '"', escapes: true, kind: "string", singleLine: true },
    { open: "`", close: "`", escapes: false, kind: "word" },
    {
      open: "'",
      close: "'",
      escapes: true,
      kind: "string",
      singleLine: true,
      forbidden: "ES|QL string literals use double quotes, not single quotes",
    },
  ],
  lineComments: ["//"],
  blockComments: [["/*", "*/"]],
  wordChars: ".*@-",
  wordStart: "@",
  operators: ["==", "!=", "<=", ">=", "::"],
};

function checkCommand(text: string, head: Token | undefined, pipe: Token | undefined, first: boolean) {
  if (!head) return problem(text, pipe, pipe ? "a pipe must be followed by a command" : "the query is empty");
  const name = head.text.toUpperCase();
  if (first)
    return SOURCE.has(name)
      ? null
      : problem(text, head, `an ES|QL query starts with FROM, ROW, SHOW or TS, not "${head.text}"`);
  if (head.kind !== "word" || !PROCESSING.has(name))
    return problem(text, head, `"${head.text}" is not an ES|QL processing command`);
  return null;
}

export function checkEsql(text: string): QueryProblem[] {
  const { tokens, problems } = lex(text, RULES);
  problems.push(...checkBrackets(text, tokens));
  const rlike = tokens.filter((t, i) => t.kind === "string" && tokens[i - 1]?.text.toUpperCase() === "RLIKE");
  problems.push(
    ...checkRegexTokens(
      text,
      rlike.map((t) => ({ token: t, body: stringBody(t) })),
    ),
  );
  const depth = depths(tokens);
  let command = "";
  let first = true;
  tokens.forEach((t, i) => {
    if (i === 0 && !(t.kind === "punct" && t.text === "|")) {
      const p = checkCommand(text, t, undefined, true);
      if (p) problems.push(p);
      command = t.text.toUpperCase();
      first = false;
      return;
    }
    if (t.kind === "punct" && t.text === "|" && depth[i] === 0) {
      const head = tokens[i + 1];
      const p = checkCommand(text, head, t, first);
      if (p) problems.push(p);
      command = head?.text.toUpperCase() ?? "";
      first = false;
      return;
    }
    if (command === "WHERE" && t.kind === "punct" && t.text === "=")
      problems.push(
        problem(text, t, 'ES|QL compares with "==": "=" is only for assignments in EVAL and STATS'),
      );
  });
  return problems;
}
