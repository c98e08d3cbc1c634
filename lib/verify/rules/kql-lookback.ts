// KQL look-backs: `ago()` windows longer than the data the query can see. Advanced hunting (and
// so a Defender custom detection, whose look-back only filters the results) keeps 30 days; a
// Sentinel scheduled rule's tables hold only its query period. A longer ago() promises history
// the query never gets.
import { durationMs } from "@/lib/content/deployment";
import { findingAt } from "@/lib/verify/rules/finding";
import type { Finding, Rule, RuleContext } from "@/lib/verify/rules/types";
import type { QueryItem } from "@/lib/verify/extract";

const ID = "kql-lookback";
const AGO = /\bago\s*\(\s*(\d+(?:\.\d+)?)\s*(d|h|m|s|days?|hours?|minutes?)\s*\)/g;
const ADVANCED_HUNTING_TABLES =
  /\b(Device\w+|Email\w+|Identity\w+|CloudAppEvents|AlertInfo|AlertEvidence|UrlClickEvents|BehaviorInfo|BehaviorEntities|ExposureGraph\w+)\b/;
const DAY = 86_400_000;

function agoMs(amount: string, unit: string): number {
  const u = unit[0] as "d" | "h" | "m" | "s";
  return Number(amount) * { d: DAY, h: 3_600_000, m: 60_000, s: 1_000 }[u];
}

/** The window the platform gives this query, and how to say it. */
function limit(query: QueryItem, ctx: RuleContext): { ms: number; why: string } | undefined {
  const d = ctx.deployment;
  if (d?.kind === "sentinel-scheduled")
    return { ms: durationMs(d.queryPeriod), why: `the scheduled rule's query period is ${d.queryPeriod}` };
  const defender =
    ctx.platform === "defender-xdr" ||
    (ctx.platform === undefined && ADVANCED_HUNTING_TABLES.test(query.text));
  return defender ? { ms: 30 * DAY, why: "advanced hunting keeps 30 days of data" } : undefined;
}

export const kqlLookback: Rule = {
  id: ID,
  languages: ["kql"],
  reason:
    "An ago() window longer than the data the platform supplies (30 days of advanced hunting, a Sentinel scheduled rule's query period) silently covers less than the query claims.",
  docs: "https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-overview#data-freshness-and-update-frequency",
  check(query, ctx) {
    const max = limit(query, ctx);
    if (!max) return [];
    const findings: Finding[] = [];
    for (const m of query.text.matchAll(AGO)) {
      const ms = agoMs(m[1]!, m[2]!);
      if (ms > max.ms)
        findings.push(
          findingAt(ID, query, m.index, `${m[0]} reaches beyond what the query can see: ${max.why}`),
        );
    }
    return findings;
  },
};
