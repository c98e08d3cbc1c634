// EQL sequences without `with maxspan=` keep partial matches for the whole search window, so
// a sequence can join events hours or days apart and the rule fires on unrelated activity.
import { findingAt } from "@/lib/verify/rules/finding";
import { isWord, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";

const ID = "eql-sequence-maxspan";

export const eqlSequenceMaxspan: Rule = {
  id: ID,
  languages: ["eql"],
  reason:
    "A sequence without `with maxspan=` may join events any distance apart within the rule's window, so unrelated events complete it.",
  docs: "https://www.elastic.co/docs/reference/query-languages/eql/eql-syntax#eql-sequences",
  check(query) {
    const findings: Finding[] = [];
    const tokens = tokensOf("eql", query.text);
    tokens.forEach((t, i) => {
      if (!isWord(t, "sequence")) return;
      const header = tokens.slice(
        i + 1,
        tokens.findIndex((x, k) => k > i && x.text === "["),
      );
      if (!header.some((x) => isWord(x, "maxspan")))
        findings.push(
          findingAt(
            ID,
            query,
            t.start,
            "sequence has no maxspan: add `with maxspan=<window>` so only events close in time form a match",
            ["with maxspan=5m"],
          ),
        );
    });
    return findings;
  },
};
