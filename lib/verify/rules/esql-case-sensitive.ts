// ES|QL: `==`, `!=`, `IN`, `LIKE` and `RLIKE` compare strings case-sensitively, so Windows image
// names and paths (whose case varies by caller) must be compared as TO_LOWER(field) against a
// lower-case literal.
import { findComparisons } from "@/lib/verify/rules/comparisons";
import { findingAt } from "@/lib/verify/rules/finding";
import { tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";
import { caseMatches, foldedNames, isWindowsName } from "@/lib/verify/rules/windows-literal";

const ID = "esql-case-sensitive";

export const esqlCaseSensitive: Rule = {
  id: ID,
  languages: ["esql"],
  reason:
    "ES|QL `==`, `!=`, `IN`, `LIKE` and `RLIKE` are case-sensitive on keyword fields, so a Windows image name or path literal misses events spelled in another case unless the field is wrapped in TO_LOWER().",
  docs: "https://www.elastic.co/docs/reference/query-languages/esql/functions-operators/operators#esql-like",
  check(query) {
    const findings: Finding[] = [];
    const folded = foldedNames(`${query.base ?? ""}\n${query.text}`);
    const comparisons = findComparisons(tokensOf("esql", query.text), {
      operators: ["==", "!=", "like", "rlike"],
      lists: ["in"],
      lowerFns: ["to_lower"],
      upperFns: ["to_upper"],
    }).map((c) => (c.fold ? c : { ...c, fold: folded.get(c.left) }));
    for (const c of comparisons)
      for (const { token, value } of c.literals) {
        if (!isWindowsName(value.replace(/\\(.)/g, "$1"))) continue;
        if (c.fold && caseMatches(value, c.fold)) continue;
        const field = c.left.replace(/^to_(lower|upper)\((.*)\)$/i, "$2");
        findings.push(
          findingAt(
            ID,
            query,
            token.start,
            c.fold
              ? `${c.left} ${c.op} ${token.text} can never match: the literal must be ${c.fold} case`
              : `${c.left} ${c.op} ${token.text} is case-sensitive: use TO_LOWER(${field}) ${c.op} with a lower-case literal`,
            [`TO_LOWER(${field}) ${c.op} ${token.text.toLowerCase()}`],
          ),
        );
      }
    return findings;
  },
};
