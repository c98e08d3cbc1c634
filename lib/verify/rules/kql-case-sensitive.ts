// KQL: `==`, `!=`, `in`, `!in` and the `_cs` string operators are case-sensitive; `=~`, `!~`,
// `in~`, `has`, `contains`, `startswith` and `endswith` are not. Windows image names and paths
// must use the case-insensitive forms.
import { findingAt } from "@/lib/verify/rules/finding";
import { leftColumn, literalStrings, startOf } from "@/lib/verify/rules/kql-helpers";
import { kqlTree, walk } from "@/lib/verify/kusto/tree";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { caseMatches, foldedNames, isWindowsName } from "@/lib/verify/rules/windows-literal";

const ID = "kql-case-sensitive";
const INSENSITIVE: Record<string, string> = {
  "==": "=~",
  "!=": "!~",
  in: "in~",
  "!in": "!in~",
  has_cs: "has",
  "!has_cs": "!has",
  contains_cs: "contains",
  "!contains_cs": "!contains",
  startswith_cs: "startswith",
  "!startswith_cs": "!startswith",
  endswith_cs: "endswith",
  "!endswith_cs": "!endswith",
  hasprefix_cs: "hasprefix",
  hassuffix_cs: "hassuffix",
};

export const kqlCaseSensitive: Rule = {
  id: ID,
  languages: ["kql"],
  reason:
    "KQL `==`, `!=`, `in`, `!in` and the `_cs` operators are case-sensitive (`=~`, `in~`, `has`, `contains` are not), so a Windows image name or path literal misses events spelled in another case.",
  docs: "https://learn.microsoft.com/en-us/kusto/query/datatypes-string-operators",
  check(query, ctx) {
    const findings: Finding[] = [];
    const folded = foldedNames(`${query.base ?? ""}\n${query.text}`);
    walk(kqlTree(query.text, ctx.kustoGlobals), (node) => {
      if (node.type !== "BinaryExpression" && node.type !== "InExpression") return;
      const [left, op, right] = node.children;
      if (!left || !op || !right) return;
      const opText = op.text.trim();
      const fix = INSENSITIVE[opText];
      if (!fix) return;
      const direct = leftColumn(left);
      if (!direct) return;
      const column = direct.fold ? direct : { ...direct, fold: folded.get(direct.name) };
      for (const lit of literalStrings(right)) {
        if (!isWindowsName(lit.value)) continue;
        if (
          column.fold &&
          caseMatches(lit.value, column.fold) &&
          (opText === "==" || opText === "!=" || opText === "in" || opText === "!in")
        )
          continue;
        findings.push(
          findingAt(
            ID,
            query,
            startOf(lit.node),
            `${column.name} ${opText} ${lit.node.text.trim()} is case-sensitive: use ${fix}`,
            [fix],
          ),
        );
      }
    });
    return findings;
  },
};
