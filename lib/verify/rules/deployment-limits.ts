// The declared deployment against the vendor's limits for that kind: allowed frequencies and
// periods, windows that leave gaps between runs, and features a run mode does not support.
import { durationMs, type Deployment } from "@/lib/content/deployment";
import { findingAt } from "@/lib/verify/rules/finding";
import type { Rule } from "@/lib/verify/rules/types";
import type { QueryItem } from "@/lib/verify/extract";

const ID = "deployment-limits";
const MIN = 60_000;
const DAY = 1440 * MIN;

/** Minutes between runs of a simple cron schedule, or undefined for schedules we do not read. */
export function cronMinutes(cron: string): number | undefined {
  const [minute, hour, dom, month, dow] = cron.split(" ");
  if (dom !== "*" || month !== "*" || dow !== "*") return undefined;
  const every = /^\*\/(\d+)$/.exec(minute ?? "");
  if (hour === "*" && every) return Number(every[1]);
  if (hour === "*" && /^\d+$/.test(minute ?? "")) return 60;
  const hours = /^\*\/(\d+)$/.exec(hour ?? "");
  if (/^\d+$/.test(minute ?? "") && hours) return Number(hours[1]) * 60;
  if (/^\d+$/.test(minute ?? "") && /^\d+$/.test(hour ?? "")) return 1440;
  return undefined;
}

/** Minutes an earliest time such as "-20m@m" reaches back. */
export function earliestMinutes(earliest: string): number | undefined {
  const m = /^-(\d+)([smhdw])/.exec(earliest);
  if (!m) return undefined;
  return Number(m[1]) * { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080 }[m[2] as "s" | "m" | "h" | "d" | "w"];
}

export function deploymentProblems(d: Deployment, query: QueryItem): string[] {
  const out: string[] = [];
  switch (d.kind) {
    case "defender-custom-detection":
      if (d.frequency === "0" && /\b(join|union|summarize|externaldata)\b/.test(query.text))
        out.push(
          "Continuous (NRT) custom detections cannot use join, union, summarize or externaldata: choose a scheduled frequency",
        );
      break;
    case "sentinel-scheduled": {
      const f = durationMs(d.queryFrequency);
      const p = durationMs(d.queryPeriod);
      if (f < 5 * MIN || f > 14 * DAY)
        out.push(`queryFrequency ${d.queryFrequency} is outside Sentinel's 5 minutes to 14 days`);
      if (p < 5 * MIN || p > 14 * DAY)
        out.push(`queryPeriod ${d.queryPeriod} is outside Sentinel's 5 minutes to 14 days`);
      if (p < f)
        out.push(
          `queryPeriod ${d.queryPeriod} is shorter than queryFrequency ${d.queryFrequency}, so events between runs are never read`,
        );
      break;
    }
    case "elastic-rule":
      if (query.language === "eql" && d.type !== "eql")
        out.push(`an EQL query deploys as an eql rule, not ${d.type}`);
      if (query.language === "esql" && d.type !== "esql")
        out.push(`an ES|QL query deploys as an esql rule, not ${d.type}`);
      if (durationMs(d.interval) < MIN)
        out.push(`interval ${d.interval} is below Elastic's one-minute minimum`);
      break;
    case "splunk-scheduled-search": {
      const every = cronMinutes(d.cron);
      const back = earliestMinutes(d.earliest);
      if (every !== undefined && back !== undefined && back < every)
        out.push(
          `earliest ${d.earliest} covers less than the ${every}-minute schedule, so events between runs are never searched`,
        );
      break;
    }
    case "secops-rule": {
      const multi = /^\s*match\s*:/m.test(query.text);
      if (d.runFrequency === "live" && multi)
        out.push("multi-event rules (with a match section) cannot run live: use 10m, 1h or 24h");
      const over = /\bover\s+(\d+)([mhd])\b/.exec(query.text);
      if (over && Number(over[1]) * { m: 1, h: 60, d: 1440 }[over[2] as "m" | "h" | "d"] > 48 * 60)
        out.push(`match window ${over[1]}${over[2]} exceeds the 48-hour maximum`);
      break;
    }
    case "logscale-scheduled-search":
      if (durationMs(d.searchWindow) < durationMs(d.interval))
        out.push(
          `searchWindow ${d.searchWindow} is shorter than interval ${d.interval}, so events between runs are never searched`,
        );
      break;
  }
  return out;
}

export const deploymentLimits: Rule = {
  id: ID,
  languages: ["kql", "eql", "esql", "spl", "yara-l", "logscale"],
  reason:
    "Each platform limits how often a rule runs and how far back it reads; settings outside those limits cannot be saved, and windows shorter than the schedule leave events unexamined.",
  docs: "https://learn.microsoft.com/en-us/azure/sentinel/create-analytics-rules",
  applies: (query, ctx) => query.field === "query" && ctx.deployment !== undefined,
  check(query, ctx) {
    if (!ctx.deployment) return [];
    const line = ctx.deploymentLine;
    return deploymentProblems(ctx.deployment, query).map((m) =>
      line
        ? { rule: ID, file: query.file, line, column: 1, message: `deployment: ${m}` }
        : findingAt(ID, query, 0, `deployment: ${m}`),
    );
  },
};
