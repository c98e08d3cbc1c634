// KQL: after `join kind=leftouter`, left rows without a match carry empty right-side columns.
// A later `where` that tests a right-only column drops those rows, so the outer join silently
// becomes an inner join. Allowing for empties (`isnull(X) or X between ...`) is not enough: a left
// row whose every match fails the condition is dropped too. Only pure empty checks are safe; a
// condition on the right side belongs inside the joined subquery.
import { findingAt } from "@/lib/verify/rules/finding";
import { startOf } from "@/lib/verify/rules/kql-helpers";
import { kqlTree, walk, type KqlNode } from "@/lib/verify/kusto/tree";
import type { Finding, Rule } from "@/lib/verify/rules/types";

const ID = "kql-leftouter-filter";
const EMPTY_CHECK = /\b(isempty|isnull|isnotempty|isnotnull)\s*\(\s*[A-Za-z_]\w*\s*\)/g;

/** Operators of a pipeline in order: `a | b | c` nests as Pipe(Pipe(a, b), c). */
function pipeline(node: KqlNode): KqlNode[] {
  if (node.type !== "PipeExpression") return [node];
  const [left, , right] = node.children;
  return [...(left ? pipeline(left) : []), ...(right ? [right] : [])];
}

/**
 * Whether the joined side has one row per key: its last operator (inline, or in the `let` it
 * names) is summarize or distinct. Then `isempty(X) or <condition on X>` is exact: a left row has
 * at most one match, kept when it passes and kept empty when there is none.
 */
function uniqueRight(join: KqlNode, query: string): boolean {
  const inner = /\(\s*([\s\S]*)\)\s*on\b/.exec(join.text)?.[1]?.trim() ?? "";
  const named = /^[A-Za-z_]\w*$/.test(inner)
    ? (new RegExp(`\\blet\\s+${inner}\\s*=([\\s\\S]*?);`).exec(query)?.[1] ?? "")
    : inner;
  const last =
    named
      .split(/\|(?![^()]*\))/)
      .at(-1)
      ?.trim() ?? "";
  return /^(summarize|distinct)\b/.test(last);
}

function names(node: KqlNode): Set<string> {
  const out = new Set<string>();
  walk(node, (n) => {
    if (n.type === "NameReference") out.add(n.text.trim());
  });
  return out;
}

export const kqlLeftouterFilter: Rule = {
  id: ID,
  languages: ["kql"],
  reason:
    "A filter on right-side columns after `join kind=leftouter` drops the left rows that had no match (or no match passing the filter), so the outer join silently becomes an inner join.",
  docs: "https://learn.microsoft.com/en-us/kusto/query/join-leftouter",
  check(query, ctx) {
    const findings: Finding[] = [];
    const seen = new Set<KqlNode>();
    walk(kqlTree(query.text, ctx.kustoGlobals), (node) => {
      if (node.type !== "PipeExpression" || seen.has(node)) return;
      walk(node, (n) => {
        if (n.type === "PipeExpression") seen.add(n);
      });
      const ops = pipeline(node);
      ops.forEach((op, i) => {
        if (op.type !== "JoinOperator" || !/kind\s*=\s*leftouter/i.test(op.text)) return;
        const before = new Set(ops[i - 1]?.columns ?? []);
        let rightOnly = (op.columns ?? []).filter((c) => !before.has(c));
        for (const later of ops.slice(i + 1)) {
          if (later.type === "SummarizeOperator" || later.type === "ProjectOperator") break;
          // `extend X = coalesce(X, 0)` gives unmatched rows a value: X is no longer empty there.
          if (later.type === "ExtendOperator")
            rightOnly = rightOnly.filter(
              (c) => !new RegExp(`\\b${c}\\s*=\\s*(coalesce|iff|iif|case)\\s*\\(`).test(later.text),
            );
          if (later.type !== "FilterOperator") continue;
          const allowsEmpty = EMPTY_CHECK.test(later.text);
          EMPTY_CHECK.lastIndex = 0;
          const rest = later.text.replace(EMPTY_CHECK, "");
          const used = [...names(later)].filter(
            (n) => rightOnly.includes(n) && new RegExp(`\\b${n}\\b`).test(rest),
          );
          if (used.length === 0) continue;
          // With an empty check, only a time window over several matches (`between`, or the right
          // column compared with another column) can still drop a left row, unless the joined side
          // has one row per key.
          const windowed = used.some(
            (n) =>
              /\bbetween\b/.test(rest) ||
              new RegExp(`\\b${n}\\s*[<>]=?\\s*[A-Za-z_(]|[A-Za-z_)]\\s*[<>]=?\\s*${n}\\b`).test(rest),
          );
          if (allowsEmpty && (!windowed || uniqueRight(op, query.text))) continue;
          findings.push(
            findingAt(
              ID,
              query,
              startOf(later),
              `this filter on ${used.join(", ")} (right side of the leftouter join) drops left rows without a passing match: filter the right side inside the join instead`,
              [`where isempty(${used[0]}) or (…)`],
            ),
          );
        }
      });
    });
    return findings;
  },
};
