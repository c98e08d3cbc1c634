// Google SecOps YARA-L 2.0: `rule name { ... }` with meta:, events: and condition: sections in
// the documented order, a match: section (with `over <window>`) whenever events are correlated or
// aggregated, and condition variables that the events section defines.
import type { QueryProblem } from "@/lib/verify/types";
import { checkRegexTokens, literalBody, stringBody } from "@/lib/verify/syntax/regex";
import { checkBrackets, depths, lex, problem, type LexRules, type Token } from "@/lib/verify/syntax/lexer";

const SECTION_ORDER = ["meta", "events", "match", "outcome", "condition", "options"];
const REQUIRED = ["meta", "events", "condition"];
const AGGREGATES = new Set(
  "count count_distinct sum max min avg stddev array array_distinct earliest latest".split(" "),
);
const REGEX_AFTER = new Set(["=", "!=", "(", ",", "and", "or", "not", "nocase"]);

/** Exported so the field-name check lexes queries exactly as the syntax check does. */
export const RULES: LexRules = {
  quotes: [
    { open: '"', close: '"', escapes: true, kind: "string", singleLine: true },
    { open: "`", close: "`", escapes: false, kind: "string" },
  ],
  lineComments: ["//"],
  blockComments: [["/*", "*/"]],
  regexAllowed: (previous) => !previous || REGEX_AFTER.has(previous.text.toLowerCase()),
  wordChars: ".",
  wordStart: "$#%",
  operators: ["!=", "<=", ">="],
};

type Section = { name: string; header: Token; tokens: Token[] };

function sectionsOf(tokens: Token[], depth: number[]): Section[] {
  const out: Section[] = [];
  let colon = -1;
  tokens.forEach((t, i) => {
    if (i === colon) return;
    if (
      depth[i] === 1 &&
      t.kind === "word" &&
      tokens[i + 1]?.text === ":" &&
      SECTION_ORDER.includes(t.text)
    ) {
      out.push({ name: t.text, header: t, tokens: [] });
      colon = i + 1;
    } else if (depth[i]! >= 1) out.at(-1)?.tokens.push(t);
  });
  return out;
}

const eventVar = (t: Token) =>
  t.kind === "word" && t.text.startsWith("$") && t.text.includes(".") ? t.text.split(".")[0]! : null;

export function checkYaraL(text: string): QueryProblem[] {
  const { tokens, problems } = lex(text, RULES);
  problems.push(...checkBrackets(text, tokens));
  problems.push(
    ...checkRegexTokens(text, [
      ...tokens.filter((t) => t.kind === "regex").map((t) => ({ token: t, body: literalBody(t) })),
      ...tokens
        .filter(
          (t, i) => t.kind === "string" && tokens[i - 1]?.text === "," && tokens[i - 4]?.text === "re.regex",
        )
        .map((t) => ({ token: t, body: stringBody(t) })),
    ]),
  );
  if (problems.length > 0) return problems;
  const depth = depths(tokens);
  if (tokens[0]?.text !== "rule" || tokens[1]?.kind !== "word" || tokens[2]?.text !== "{")
    return [problem(text, tokens[0], "a YARA-L rule starts with `rule <name> {`")];
  const closing = tokens.findIndex((t, i) => i > 2 && depth[i] === 1 && t.text === "}");
  if (closing !== -1 && closing < tokens.length - 1)
    problems.push(problem(text, tokens[closing + 1], "text after the rule's closing brace"));
  const sections = sectionsOf(tokens, depth);
  const byName = new Map(sections.map((s) => [s.name, s]));
  for (const name of REQUIRED)
    if (!byName.has(name)) problems.push(problem(text, tokens[0], `the rule has no ${name}: section`));
  const order = sections.map((s) => SECTION_ORDER.indexOf(s.name));
  sections.forEach((s, i) => {
    if (i > 0 && order[i]! < order[i - 1]!)
      problems.push(
        problem(
          text,
          s.header,
          `${s.name}: must come before ${sections[i - 1]!.name}: (order: ${SECTION_ORDER.join(", ")})`,
        ),
      );
  });

  const events = byName.get("events")?.tokens ?? [];
  const eventVars = new Set(events.map(eventVar).filter((v): v is string => v !== null));
  const defined = new Set(
    events.filter((t) => t.kind === "word" && t.text.startsWith("$")).map((t) => t.text.split(".")[0]!),
  );
  const outcome = byName.get("outcome")?.tokens ?? [];
  for (const t of outcome) if (t.text.startsWith("$") && !t.text.includes(".")) defined.add(t.text);
  const match = byName.get("match");
  const condition = byName.get("condition")?.tokens ?? [];
  const aggregated = outcome.find(
    (t, i) => t.kind === "word" && AGGREGATES.has(t.text) && outcome[i + 1]?.text === "(",
  );
  const counted = condition.find((t) => t.text.startsWith("#"));
  if (!match) {
    if (eventVars.size > 1)
      problems.push(
        problem(
          text,
          byName.get("events")?.header,
          `events use ${eventVars.size} event variables (${[...eventVars].join(", ")}), which needs a match: section`,
        ),
      );
    if (aggregated)
      problems.push(
        problem(
          text,
          aggregated,
          `outcome aggregates with ${aggregated.text}(), which needs a match: section`,
        ),
      );
    if (counted)
      problems.push(problem(text, counted, `condition counts ${counted.text}, which needs a match: section`));
  } else {
    const over = match.tokens.findIndex((t) => t.text === "over");
    if (over === -1 || !/^\d+[smhd]$/.test(match.tokens[over + 1]?.text ?? ""))
      problems.push(problem(text, match.header, "match: needs `over <window>` such as `over 10m`"));
    for (const t of match.tokens.slice(0, over === -1 ? undefined : over))
      if (t.text.startsWith("$") && !defined.has(t.text))
        problems.push(problem(text, t, `${t.text} is not a placeholder defined in events:`));
  }
  for (const t of condition) {
    const name = t.text.startsWith("#") ? `$${t.text.slice(1)}` : t.text;
    if ((t.text.startsWith("$") || t.text.startsWith("#")) && !defined.has(name))
      problems.push(problem(text, t, `${t.text} is not defined in events: or outcome:`));
  }
  return problems;
}
