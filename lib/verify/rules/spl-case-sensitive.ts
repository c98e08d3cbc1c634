// SPL: in `where` and `eval` (and so in case(), if(), in() and match()) string comparisons are
// case-sensitive, unlike the `search` command, so `process_name="wmic.exe"` misses `WMIC.exe`.
import type { Token } from "@/lib/verify/syntax/lexer";
import { findComparisons } from "@/lib/verify/rules/comparisons";
import { findingAt } from "@/lib/verify/rules/finding";
import { commands, closing, isPunct, isWord, stringValue, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { caseMatches, isWindowsName } from "@/lib/verify/rules/windows-literal";

const ID = "spl-case-sensitive-eval";

/** `=` tokens that assign (eval x=...), not compare: the first `=` of each top-level clause. */
function assignments(command: Token[]): Set<Token> {
  const out = new Set<Token>();
  let depth = 0;
  command.forEach((t, i) => {
    if (isPunct(t, "(", "[")) depth++;
    if (isPunct(t, ")", "]")) depth--;
    if (depth === 0 && isPunct(t, "=") && (i === 2 || isPunct(command[i - 2], ","))) out.add(t);
  });
  return out;
}

/** match(field, "regex") and in(field, "a", ...) calls. */
function calls(command: Token[]) {
  const out: Array<{ fn: string; args: Token[] }> = [];
  command.forEach((t, i) => {
    if (!isWord(t, "match", "in") || !isPunct(command[i + 1], "(")) return;
    const end = closing(command, i + 1);
    out.push({ fn: t.text.toLowerCase(), args: command.slice(i + 2, end) });
  });
  return out;
}

export const splCaseSensitive: Rule = {
  id: ID,
  languages: ["spl"],
  reason:
    "`where` and `eval` compare strings case-sensitively (only the `search` command ignores case), so a Windows image name or path literal misses events spelled in another case.",
  docs: "https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/where",
  check(query) {
    const findings: Finding[] = [];
    // Fields an earlier eval set to lower(...) or upper(...) are already folded.
    const folded = new Map<string, "lower" | "upper">();
    for (const command of commands(tokensOf("spl", query.text))) {
      if (!isWord(command[0], "where", "eval")) continue;
      const assign = assignments(command);
      for (const eq of assign) {
        const i = command.indexOf(eq);
        const fn = command[i + 1];
        if (!isWord(fn, "lower", "upper") || !isPunct(command[i + 2], "(")) continue;
        const after = command[closing(command, i + 2) + 1];
        if (after === undefined || isPunct(after, ","))
          folded.set(command[i - 1]!.text, fn!.text.toLowerCase() as "lower" | "upper");
      }
      const comparisons = findComparisons(command, {
        operators: ["=", "==", "!="],
        lists: ["in"],
        lowerFns: ["lower"],
        upperFns: ["upper"],
      })
        .filter((c) => !assign.has(c.opToken))
        .map((c) => (c.fold ? c : { ...c, fold: folded.get(c.left) }));
      for (const c of comparisons)
        for (const { token, value } of c.literals) {
          if (!isWindowsName(value)) continue;
          if (c.fold && caseMatches(value, c.fold)) continue;
          const fix = c.fold
            ? `write the literal in ${c.fold} case`
            : `compare lower(${c.left}) with a lower-case literal`;
          findings.push(
            findingAt(
              ID,
              query,
              token.start,
              `${c.left} ${c.op} ${token.text} is case-sensitive in ${command[0]!.text}: ${fix}`,
              [
                `lower(${c.left.replace(/^lower\((.*)\)$/i, "$1")})${c.op === "IN" ? " IN " : c.op}${c.op === "IN" ? "(…)" : JSON.stringify(value.toLowerCase())}`,
              ],
            ),
          );
        }
      for (const call of calls(command)) {
        const first = call.args[0];
        const literals = call.args.filter((a) => a.kind === "string");
        const fold = first ? folded.get(first.text) : undefined;
        if (call.fn === "in" && first?.kind === "word" && !isPunct(call.args[1], "("))
          for (const lit of literals)
            if (isWindowsName(stringValue(lit)) && !(fold && caseMatches(stringValue(lit), fold)))
              findings.push(
                findingAt(
                  ID,
                  query,
                  lit.start,
                  `in(${first.text}, …) compares case-sensitively: use in(lower(${first.text}), …) with lower-case values`,
                ),
              );
        if (call.fn === "match") {
          const re = literals[0];
          if (
            re &&
            !fold &&
            !stringValue(re).startsWith("(?i)") &&
            /\\\.(exe|dll|ps1|bat|cmd|vbs|js|hta|msi)|[a-z]:\\\\/i.test(stringValue(re)) &&
            first?.kind === "word" &&
            !isPunct(call.args[1], "(")
          )
            findings.push(
              findingAt(
                ID,
                query,
                re.start,
                `match(${first.text}, …) is case-sensitive: start the regex with (?i)`,
              ),
            );
        }
      }
    }
    return findings;
  },
};
