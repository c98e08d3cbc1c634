// Defender XDR custom detections: the query's result must contain a timestamp (Timestamp, or
// TimeGenerated for Sentinel tables), ReportId, and a column that identifies an impacted entity
// (device, mailbox or user), or the rule cannot be saved.
import { findingAt } from "@/lib/verify/rules/finding";
import { kqlTree, walk, type KqlNode } from "@/lib/verify/kusto/tree";
import type { Rule } from "@/lib/verify/rules/types";

const ID = "defender-required-columns";
/** Impacted-entity identifiers Microsoft lists for custom detection rules. */
export const ENTITY_COLUMNS = [
  "DeviceId",
  "DeviceName",
  "RemoteDeviceName",
  "RecipientEmailAddress",
  "SenderFromAddress",
  "SenderMailFromAddress",
  "RecipientObjectId",
  "AccountObjectId",
  "AccountSid",
  "AccountUpn",
  "InitiatingProcessAccountSid",
  "InitiatingProcessAccountUpn",
  "InitiatingProcessAccountObjectId",
];

/** The last top-level tabular node: the query's result. */
function resultNode(root: KqlNode): KqlNode | undefined {
  let last: KqlNode | undefined;
  walk(root, (n) => {
    if (n.type === "ExpressionStatement" && n.children[0]?.columns) last = n.children[0];
  });
  return last;
}

function lastShapingOperator(root: KqlNode): KqlNode | undefined {
  let last: KqlNode | undefined;
  walk(root, (n) => {
    if (
      [
        "SummarizeOperator",
        "ProjectOperator",
        "ProjectAwayOperator",
        "ProjectKeepOperator",
        "DistinctOperator",
      ].includes(n.type)
    )
      last = n;
  });
  return last;
}

export const defenderRequiredColumns: Rule = {
  id: ID,
  languages: ["kql"],
  reason:
    "A Defender XDR custom detection can only be saved when the result has Timestamp (or TimeGenerated), ReportId and a column that identifies the impacted device, mailbox or user.",
  docs: "https://learn.microsoft.com/en-us/defender-xdr/custom-detection-rules#required-columns-in-the-query-results",
  applies: (query, ctx) => query.field === "query" && ctx.deployment?.kind === "defender-custom-detection",
  check(query, ctx) {
    const root = kqlTree(query.text, ctx.kustoGlobals);
    const result = resultNode(root);
    if (!result?.columns) return [];
    const cols = new Set(result.columns);
    const missing = [
      cols.has("Timestamp") || cols.has("TimeGenerated") ? null : "Timestamp",
      cols.has("ReportId") ? null : "ReportId",
      ENTITY_COLUMNS.some((c) => cols.has(c)) ? null : "an entity column such as DeviceId",
    ].filter((m): m is string => m !== null);
    if (missing.length === 0) return [];
    const at = lastShapingOperator(root) ?? result;
    return [
      findingAt(
        ID,
        query,
        at.start + (at.text.length - at.text.trimStart().length),
        `the result lacks ${missing.join(", ")}, so it cannot be saved as a custom detection (keep them through the last summarize/project, e.g. with arg_max(Timestamp, ReportId, DeviceId))`,
      ),
    ];
  },
};
