// Elastic EQL: `<category> where <condition>`, `sequence` (optional `by`, `with maxspan=`, two or
// more [bracketed] events, optional `until`), `sample by ...`, and the head/tail pipes. Strings use
// double quotes; `==` compares.
import type { QueryProblem } from "@/lib/verify/types";
import { checkBrackets, depths, lex, problem, type LexRules, type Token } from "@/lib/verify/syntax/lexer";

// ECS event.category values (what EQL's event category matches), plus `any`.
export const EQL_CATEGORIES = new Set(
  `any api authentication configuration database dns driver email file host iam intrusion_detection library
  malware network package process registry session threat vulnerability web`.split(/\s+/),
);
const PIPES = new Set(["head", "tail"]);

/** Exported so the field-name check lexes queries exactly as the syntax check does. */
export const RULES: LexRules = {
  quotes: [
    { open: '"""', close: '"""', escapes: false, kind: "string" },
    { open: '?"', close: '"', escapes: false, kind: "string", singleLine: true },
    { open: '"', close: '"', escapes: true, kind: "string", singleLine: true },
    { open: "`", close: "`", escapes: false, kind: "word" },
    {
      open: "'",
      close: "'",
      escapes: true,
      kind: "string",
      singleLine: true,
      forbidden: "EQL string literals use double quotes, not single quotes",
    },
  ],
  lineComments: ["//"],
  blockComments: [["/*", "*/"]],
  wordChars: ".@",
  wordStart: "@",
  operators: ["==", "!=", "<=", ">=", ":"],
};

const MAXSPAN = /^\d+(ms|s|m|h|d)$/;

/** `category where ...` at the start of `tokens`. */
function checkEvent(text: string, tokens: Token[], at: Token | undefined): QueryProblem[] {
  const [category, where] = tokens;
  if (!category) return [problem(text, at, "expected an event query such as `process where ...`")];
  if (category.kind !== "word" || !EQL_CATEGORIES.has(category.text.toLowerCase()))
    return [
      problem(
        text,
        category,
        `"${category.text}" is not an event category (any, process, file, network, registry, ...)`,
      ),
    ];
  if (where?.text.toLowerCase() !== "where")
    return [problem(text, where ?? category, `expected "where" after "${category.text}"`)];
  if (tokens.length < 3) return [problem(text, where, 'a condition must follow "where"')];
  return [];
}

/** The [ ... ] groups of a sequence or sample at depth 0, with what follows each. */
function groups(tokens: Token[], depth: number[]): Array<{ open: Token; inner: Token[] }> {
  const out: Array<{ open: Token; inner: Token[] }> = [];
  tokens.forEach((t, i) => {
    if (depth[i] !== 0 || t.text !== "[") return;
    let j = i + 1;
    while (j < tokens.length && !(depth[j] === 1 && tokens[j]!.text === "]")) j++;
    out.push({ open: t, inner: tokens.slice(i + 1, j) });
  });
  return out;
}

function checkStructure(text: string, body: Token[], depth: number[]): QueryProblem[] {
  const head = body[0];
  const keyword = head?.text.toLowerCase();
  if (keyword !== "sequence" && keyword !== "sample") return checkEvent(text, body, head);
  const problems: QueryProblem[] = [];
  const parts = groups(body, depth);
  const needed = 2;
  if (parts.length < needed)
    problems.push(problem(text, head, `a ${keyword} needs at least ${needed} [bracketed] event queries`));
  for (const part of parts) problems.push(...checkEvent(text, part.inner, part.open));
  if (keyword === "sample" && body[1]?.text.toLowerCase() !== "by")
    problems.push(problem(text, body[1] ?? head, 'a sample needs "by" join keys'));
  body.forEach((t, i) => {
    if (depth[i] !== 0 || t.text.toLowerCase() !== "maxspan") return;
    const value = body[i + 2];
    if (body[i + 1]?.text !== "=" || !value || !MAXSPAN.test(value.text))
      problems.push(problem(text, t, "maxspan takes a duration such as maxspan=5m (ms, s, m, h, d)"));
  });
  return problems;
}

export function checkEql(text: string): QueryProblem[] {
  const { tokens, problems } = lex(text, RULES);
  problems.push(...checkBrackets(text, tokens));
  const depth = depths(tokens);
  const firstPipe = tokens.findIndex((t, i) => t.text === "|" && depth[i] === 0);
  const end = firstPipe === -1 ? tokens.length : firstPipe;
  problems.push(...checkStructure(text, tokens.slice(0, end), depth.slice(0, end)));
  tokens.forEach((t, i) => {
    if (t.kind === "punct" && t.text === "|" && depth[i] === 0) {
      const pipe = tokens[i + 1];
      if (!pipe || !PIPES.has(pipe.text.toLowerCase()))
        problems.push(problem(text, pipe ?? t, `"${pipe?.text ?? ""}" is not an EQL pipe (head, tail)`));
    }
    const previous = tokens[i - 1]?.text.toLowerCase();
    if (t.kind === "punct" && t.text === "=" && previous !== "maxspan" && previous !== "runs")
      problems.push(problem(text, t, 'EQL compares with "==" (or ":" for wildcards), not "="'));
  });
  return problems;
}
