// KQL: `has` and its relatives match whole terms (maximal runs of ASCII letters and digits) and
// have no wildcards, so `*` and `?` in their literal are ordinary term-splitting characters that
// the value must contain. Windows forbids both characters in file and folder names, so a `has`
// literal with them against a path or file-name column never matches (and a `!has` exclusion
// never excludes). Only path and file-name columns are checked: a command line or registry key
// may really contain `*` (`HKCR\*\shell`), so a literal there is not provably wrong.
import { findingAt } from "@/lib/verify/rules/finding";
import { leftColumn, literalStrings, startOf } from "@/lib/verify/rules/kql-helpers";
import { kqlTree, walk } from "@/lib/verify/kusto/tree";
import type { Finding, Rule } from "@/lib/verify/rules/types";

const ID = "kql-has-wildcard";
const HAS_FAMILY = /^!?(has|hasprefix|hassuffix)(_cs)?$|^(has_any|has_all)$/;
const PATH_COLUMN = /(FolderPath|FileName|ProcessName|ImagePath|Image|FilePath)$/;

export const kqlHasWildcard: Rule = {
  id: ID,
  languages: ["kql"],
  reason:
    "`has` and its relatives match whole terms and have no wildcards: `*` and `?` are plain characters the value must contain, and Windows file and folder names never contain them, so such a literal against a path or file-name column never matches.",
  docs: "https://learn.microsoft.com/en-us/kusto/query/datatypes-string-operators#what-is-a-term",
  check(query, ctx) {
    const findings: Finding[] = [];
    // An exclusion is a pipeline tail (`| where ...`); a placeholder source makes it parse.
    const prefix = query.text.trimStart().startsWith("|") ? "T\n" : "";
    walk(kqlTree(prefix + query.text, ctx.kustoGlobals), (node) => {
      if (node.type !== "BinaryExpression" && node.type !== "HasAnyExpression") return;
      const [left, op, right] = node.children;
      if (!left || !op || !right) return;
      const opText = op.text.trim();
      if (!HAS_FAMILY.test(opText)) return;
      const column = leftColumn(left);
      if (!column || !PATH_COLUMN.test(column.name)) return;
      for (const lit of literalStrings(right)) {
        if (!/[*?]/.test(lit.value)) continue;
        findings.push(
          findingAt(
            ID,
            query,
            startOf(lit.node) - prefix.length,
            `${column.name} ${opText} ${lit.node.text.trim()}: ${opText} has no wildcards, so this literal only matches a path that contains "${/[*]/.test(lit.value) ? "*" : "?"}", which Windows paths never do: use matches regex, or has on the fixed terms around the wildcard`,
          ),
        );
      }
    });
    return findings;
  },
};
