// SPL: after `stats`, `tstats`, `chart` or `timechart` only the BY fields and the aggregates
// exist, so a later `where`/`search` (often a tuning exclusion appended to the query) that names
// another field never matches: an exclusion on process_path after `stats count by host` excludes
// nothing.
import { findingAt } from "@/lib/verify/rules/finding";
import { fieldsAfter, type FieldSet } from "@/lib/verify/rules/spl-fields";
import { commands, isPunct, isWord, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import type { Token } from "@/lib/verify/syntax/lexer";

const ID = "spl-field-after-aggregation";
const KEYWORDS = new Set([
  "and",
  "or",
  "not",
  "in",
  "like",
  "true",
  "false",
  "null",
  "xor",
  "where",
  "search",
  "as",
  "by",
]);
const COMPARE = ["=", "!=", "==", "<", ">", "<=", ">="];

/** Field names a `where` or `search` command reads. */
function references(command: Token[]): Token[] {
  const verb = command[0]!.text.toLowerCase();
  return command.slice(1).filter((t, k, rest) => {
    if (
      t.kind !== "word" ||
      KEYWORDS.has(t.text.toLowerCase()) ||
      /^[\d.]+$/.test(t.text) ||
      t.text.includes("*")
    )
      return false;
    if (isPunct(rest[k + 1], "(")) return false; // a function name
    const next = rest[k + 1];
    const compared = isPunct(next, ...COMPARE) || isWord(next, "in");
    return verb === "where" ? !isPunct(rest[k - 1], ...COMPARE) || compared : compared;
  });
}

const unquote = (name: string) => name.replace(/^'(.*)'$/, "$1");

export const splFieldAfterAggregation: Rule = {
  id: ID,
  languages: ["spl"],
  reason:
    "After stats, tstats, chart or timechart only the BY fields and the aggregates exist, so a later filter on any other field (typically an appended exclusion) never matches.",
  docs: "https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/stats",
  check(query) {
    const exclusion =
      query.field.includes("exclusion") && query.text.trimStart().startsWith("|") && query.base;
    const text = exclusion ? `${query.base!.replace(/\s+$/, "")}\n${query.text}` : query.text;
    const offset = exclusion ? text.length - query.text.length : 0;
    const findings: Finding[] = [];
    let known: FieldSet = null;
    for (const command of commands(tokensOf("spl", text))) {
      if (known && isWord(command[0], "where", "search") && command[0]!.start >= offset)
        for (const ref of references(command))
          if (!known.has(unquote(ref.text)))
            findings.push(
              findingAt(
                ID,
                query,
                ref.start - offset,
                `${ref.text} no longer exists here: the earlier aggregation kept only ${[...known].slice(0, 8).join(", ")}`,
                [...known],
              ),
            );
      known = fieldsAfter(known, command);
    }
    return findings;
  },
};
