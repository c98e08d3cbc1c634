// Splunk SPL: quotes, ```comments``` and `macros`, balanced brackets, and a known command after
// every pipe (a leading pipe needs a generating command).
import type { QueryProblem } from "@/lib/verify/types";
import { checkRegexTokens, stringBody } from "@/lib/verify/syntax/regex";
import { checkBrackets, lex, problem, type LexRules, type Token } from "@/lib/verify/syntax/lexer";

// Search commands from the Splunk Search Reference (plus the Machine Learning Toolkit's fit/apply).
const COMMANDS = new Set(
  `abstract accum addcoltotals addinfo addtotals analyzefields anomalies anomalousvalue anomalydetection
  append appendcols appendpipe apply arules associate audit autoregress bin bucket bucketdir chart cluster
  cofilter collect concurrency contingency convert correlate datamodel dbinspect dedup delete delta diff
  erex eval eventcount eventstats extract kv fieldformat fields fieldsummary filldown fillnull findtypes
  fit folderize foreach format from gauge gentimes geom geomfilter geostats head highlight history iconify
  inputcsv inputintelligence inputlookup iplocation join kmeans kvform loadjob localize localop lookup
  makecontinuous makemv makeresults map mcatalog mcollect metadata metasearch meventcollect mpreview
  msearch mstats multikv multisearch mvcombine mvexpand nomv outlier outputcsv outputlookup outputtext
  overlap pivot predict rangemap rare redistribute regex reltime rename replace require rest return
  reverse rex rtorder run savedsearch script scrub search searchtxn selfjoin sendalert sendemail set
  setfields sichart sirare sistats sitimechart sitop sort spath stats strcat streamstats summary table
  tags tail timechart timewrap tojson top transaction transpose trendline tscollect tstats typeahead
  typelearner typer union uniq untable walklex where x11 xmlkv xmlunescape xpath xyseries`.split(/\s+/),
);
const GENERATING = new Set(
  `datamodel dbinspect eventcount from gentimes history inputcsv inputintelligence inputlookup loadjob
  makeresults metadata metasearch mpreview msearch mstats multisearch pivot rest savedsearch search
  searchtxn set tstats typeahead union walklex mcatalog`.split(/\s+/),
);

/** Exported so the field-name check lexes queries exactly as the syntax check does. */
export const RULES: LexRules = {
  quotes: [
    { open: "```", close: "```", escapes: false, kind: "string" },
    { open: '"', close: '"', escapes: true, kind: "string" },
    { open: "'", close: "'", escapes: false, kind: "word", singleLine: true },
    { open: "`", close: "`", escapes: false, kind: "word" },
  ],
  lineComments: [],
  blockComments: [],
  wordChars: ".*-:{}",
  operators: ["==", "!=", "<=", ">="],
};

function commandProblem(
  text: string,
  head: Token | undefined,
  pipe: Token,
  leading: boolean,
): QueryProblem | null {
  if (!head || (head.kind === "punct" && (head.text === "|" || head.text === "]")))
    return problem(text, pipe, "a pipe must be followed by a command");
  if (head.kind === "word" && head.text.startsWith("`")) return null; // macro
  const name = head.text.toLowerCase();
  if (head.kind !== "word" || !COMMANDS.has(name))
    return problem(text, head, `"${head.text}" is not an SPL command`);
  if (leading && !GENERATING.has(name))
    return problem(
      text,
      head,
      `"${head.text}" is not a generating command, so it cannot start a search with "|"`,
    );
  return null;
}

export function checkSpl(text: string): QueryProblem[] {
  const { tokens, problems } = lex(text, RULES);
  const visible = tokens.filter((t) => !(t.kind === "string" && t.text.startsWith("```")));
  problems.push(...checkBrackets(text, visible));
  // match(field, "regex") and rex [field=x] "regex"
  const regexes = visible.filter((t, i) => {
    if (t.kind !== "string") return false;
    const before = visible.slice(Math.max(0, i - 4), i).map((b) => b.text.toLowerCase());
    return (
      (before.at(-1) === "," && before.at(-3) === "(" && before.at(-4) === "match") || before.includes("rex")
    );
  });
  problems.push(
    ...checkRegexTokens(
      text,
      regexes.map((t) => ({ token: t, body: stringBody(t) })),
    ),
  );
  visible.forEach((t, i) => {
    if (t.kind !== "punct" || t.text !== "|") return;
    const previous = visible[i - 1];
    // A pipe that opens the query or a [subsearch] starts with a generating command.
    const leading = !previous || (previous.kind === "punct" && previous.text === "[");
    const p = commandProblem(text, visible[i + 1], t, leading);
    if (p) problems.push(p);
  });
  return problems;
}
