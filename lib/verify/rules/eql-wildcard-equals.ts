// EQL: `==` and `!=` compare literally, so `*` and `?` in their string are plain characters; only
// `:`, `like` and `like~` read wildcards. `process.name == "*.exe"` matches nothing.
import { findComparisons } from "@/lib/verify/rules/comparisons";
import { findingAt } from "@/lib/verify/rules/finding";
import { tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";

const ID = "eql-wildcard-equals";

export const eqlWildcardEquals: Rule = {
  id: ID,
  languages: ["eql"],
  reason:
    "EQL `==`, `!=` and `in` compare literally, so `*` or `?` in their string are plain characters; wildcards need `:` or `like~`.",
  docs: "https://www.elastic.co/docs/reference/query-languages/eql/eql-syntax#eql-syntax-pattern-comparison-keywords",
  check(query) {
    const findings: Finding[] = [];
    const comparisons = findComparisons(tokensOf("eql", query.text), {
      operators: ["==", "!="],
      lists: ["in"],
      lowerFns: [],
      upperFns: [],
      tildeVariants: true,
    });
    for (const c of comparisons)
      for (const { token, value } of c.literals)
        if (/[*?]/.test(value))
          findings.push(
            findingAt(
              ID,
              query,
              token.start,
              `${c.left} ${c.op.toLowerCase()} ${token.text} compares the wildcard literally: use : or like~`,
              [c.op === "IN" ? "like~ (…)" : ":"],
            ),
          );
    return findings;
  },
};
