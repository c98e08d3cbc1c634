// EQL: `==`, `!=`, `in`, `like` and `regex` are case-sensitive; `:`, `in~`, `like~` and `regex~`
// are not. Windows image names and paths must use the case-insensitive forms.
import { findComparisons } from "@/lib/verify/rules/comparisons";
import { findingAt } from "@/lib/verify/rules/finding";
import { tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { isWindowsName } from "@/lib/verify/rules/windows-literal";

const ID = "eql-case-sensitive";
const INSENSITIVE: Record<string, string> = {
  "==": ":",
  "!=": "not … :",
  IN: "in~",
  LIKE: "like~",
  REGEX: "regex~",
};

export const eqlCaseSensitive: Rule = {
  id: ID,
  languages: ["eql"],
  reason:
    "EQL `==`, `!=`, `in`, `like` and `regex` are case-sensitive (`:`, `in~`, `like~` and `regex~` are not), so a Windows image name or path literal misses events spelled in another case.",
  docs: "https://www.elastic.co/docs/reference/query-languages/eql/eql-syntax#eql-syntax-case-insensitive-equality",
  check(query) {
    const findings: Finding[] = [];
    const comparisons = findComparisons(tokensOf("eql", query.text), {
      operators: ["==", "!=", "like", "regex"],
      lists: ["in"],
      lowerFns: [],
      upperFns: [],
      tildeVariants: true,
    });
    for (const c of comparisons)
      for (const { token, value } of c.literals)
        if (isWindowsName(value))
          findings.push(
            findingAt(
              ID,
              query,
              token.start,
              `${c.left} ${c.op.toLowerCase()} ${token.text} is case-sensitive: use ${INSENSITIVE[c.op]}`,
              [INSENSITIVE[c.op]!],
            ),
          );
    return findings;
  },
};
