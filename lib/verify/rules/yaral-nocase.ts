// YARA-L 2.0: string equality and regular expressions are case-sensitive unless followed by
// `nocase`, so Windows image names and paths need `nocase` (or strings.to_lower() on the field).
import { findingAt } from "@/lib/verify/rules/finding";
import { closing, isPunct, isWord, opening, stringValue, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { regexNamesWindows } from "@/lib/verify/rules/windows-regex";
import { isWindowsName } from "@/lib/verify/rules/windows-literal";

const ID = "yaral-nocase";

export const yaralNocase: Rule = {
  id: ID,
  languages: ["yara-l"],
  reason:
    "YARA-L compares strings and matches regular expressions case-sensitively unless the comparison ends in `nocase`, so a Windows image name or path misses events spelled in another case.",
  docs: "https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax#nocase",
  check(query) {
    const findings: Finding[] = [];
    const tokens = tokensOf("yara-l", query.text);
    tokens.forEach((t, i) => {
      if (t.kind === "string" && (isPunct(tokens[i - 1], "=") || isPunct(tokens[i - 1], "!="))) {
        if (!isWindowsName(stringValue(t)) || isWord(tokens[i + 1], "nocase")) return;
        // strings.to_lower($e.field) = "lower-case literal" is the other correct form.
        const left = tokens[i - 2];
        if (isPunct(left, ")")) {
          const fn = tokens[opening(tokens, i - 2) - 1];
          if (isWord(fn, "strings.to_lower") && stringValue(t) === stringValue(t).toLowerCase()) return;
        }
        findings.push(
          findingAt(ID, query, t.start, `${t.text} is compared case-sensitively: add nocase after it`, [
            `${t.text} nocase`,
          ]),
        );
      }
      if (
        t.kind === "regex" &&
        !t.text.includes("(?i)") &&
        regexNamesWindows(t.text.slice(1, t.text.lastIndexOf("/"))) &&
        !isWord(tokens[i + 1], "nocase")
      )
        findings.push(
          findingAt(ID, query, t.start, `regex ${t.text} is case-sensitive: add nocase after it`, [
            `${t.text} nocase`,
          ]),
        );
      if (isWord(t, "re.regex") && isPunct(tokens[i + 1], "(")) {
        const end = closing(tokens, i + 1);
        const pattern = tokens.slice(i + 2, end).find((x) => x.kind === "string");
        if (
          pattern &&
          !stringValue(pattern).startsWith("(?i)") &&
          regexNamesWindows(stringValue(pattern)) &&
          !isWord(tokens[end + 1], "nocase")
        )
          findings.push(
            findingAt(
              ID,
              query,
              pattern.start,
              "re.regex() is case-sensitive here: add nocase after the call",
              ["re.regex(…) nocase"],
            ),
          );
      }
    });
    return findings;
  },
};
