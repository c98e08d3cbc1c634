// Elastic Security detection rules as NDJSON for the detection engine's import API
// (POST /api/detection_engine/rules/_import, or Security → Rules → Import rules).
import "server-only";
import { durationMs } from "@/lib/content/deployment";
import { LICENCE } from "@/lib/licence";
import { SITE } from "@/lib/site";
import {
  description,
  detectionsForPlatform,
  licenceFile,
  tacticsOf,
  techniqueRefs,
  type DetectionEntry,
} from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

const RISK = { informational: 21, low: 21, medium: 47, high: 73, critical: 99 } as const;
const SEVERITY = {
  informational: "low",
  low: "low",
  medium: "medium",
  high: "high",
  critical: "critical",
} as const;

function threat(e: DetectionEntry) {
  const t = techniqueRefs(e);
  const technique = t.parentId
    ? {
        id: t.parentId,
        name: t.parentName ?? t.parentId,
        reference: `https://attack.mitre.org/techniques/${t.parentId}/`,
        subtechnique: [{ id: t.id, name: t.name, reference: t.url }],
      }
    : { id: t.id, name: t.name, reference: t.url };
  return tacticsOf(e).map((tactic) => ({
    framework: "MITRE ATT&CK",
    tactic: { id: tactic.id, name: tactic.name, reference: `https://attack.mitre.org/tactics/${tactic.id}/` },
    technique: [technique],
  }));
}

export function elasticRule(e: DetectionEntry) {
  const d = e.detection;
  if (d.deployment.kind !== "elastic-rule") throw new Error(`${d.id} is not an Elastic rule`);
  const { type, interval, lookback } = d.deployment;
  const fromSeconds = (durationMs(interval) + durationMs(lookback)) / 1000;
  return {
    rule_id: d.id,
    name: d.name,
    description: description(e),
    type,
    language: type === "query" || type === "threshold" ? "kuery" : type,
    query: d.query.trim(),
    // ES|QL rules name their indices in the query's FROM; the others need index patterns.
    ...(type === "esql" ? {} : { index: d.required_tables }),
    interval,
    from: `now-${fromSeconds}s`,
    risk_score: RISK[d.severity],
    severity: SEVERITY[d.severity],
    threat: threat(e),
    tags: [`MITRE ATT&CK: ${e.technique.id}`, ...tacticsOf(e).map((t) => `Tactic: ${t.name}`), SITE.name],
    false_positives: d.false_positives,
    references: [`${SITE.url}/techniques/${e.technique.id}/elastic`],
    author: [SITE.name],
    license: LICENCE.rules.name,
    version: d.version,
    enabled: false,
    max_signals: 100,
  };
}

export function elasticPack(): ExportFiles {
  const rules = detectionsForPlatform("elastic").map(elasticRule);
  return {
    "rules.ndjson": rules.map((r) => JSON.stringify(r)).join("\n") + "\n",
    LICENSE: licenceFile(),
    "README.md": `# ${SITE.name}: Elastic Security rules

${rules.length} detection rules in the NDJSON format of the detection engine's import API. Each rule
is disabled on import: review its index patterns and schedule, then enable it.

- Kibana: Security → Rules → Detection rules (SIEM) → Import rules → choose \`rules.ndjson\`.
- API: \`curl -X POST "$KIBANA/api/detection_engine/rules/_import?overwrite=true" -H "kbn-xsrf: true" -H "Authorization: ApiKey $KEY" --form file=@rules.ndjson\`

\`rule_id\` is our detection id, so importing a newer pack with \`overwrite=true\` updates the rules.
`,
  };
}
