// Microsoft Sentinel scheduled analytics rules in the YAML of Sentinel's content format
// (the Azure-Sentinel repository's Detections/ files), one file per rule.
import "server-only";
import { stringify } from "yaml";
import { SITE } from "@/lib/site";
import {
  description,
  detectionsForPlatform,
  isoDuration,
  licenceFile,
  slug,
  tacticsOf,
  type DetectionEntry,
} from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

const SEVERITY = {
  informational: "Informational",
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "High",
} as const;

/** Entity mappings for the columns a query's results commonly carry; only those it names. */
const ENTITY_COLUMNS: Array<{ entityType: string; identifier: string; columns: string[] }> = [
  { entityType: "Account", identifier: "FullName", columns: ["AccountUpn", "UserPrincipalName", "Account"] },
  { entityType: "Host", identifier: "HostName", columns: ["DeviceName", "Computer", "HostName"] },
  { entityType: "IP", identifier: "Address", columns: ["RemoteIP", "IPAddress", "ClientIP", "SourceIP"] },
  { entityType: "Process", identifier: "CommandLine", columns: ["ProcessCommandLine", "CommandLine"] },
];

export function entityMappings(query: string) {
  return ENTITY_COLUMNS.flatMap(({ entityType, identifier, columns }) => {
    const column = columns.find((c) => new RegExp(`\\b${c}\\b`).test(query));
    return column ? [{ entityType, fieldMappings: [{ identifier, columnName: column }] }] : [];
  });
}

export function sentinelRule(e: DetectionEntry) {
  const d = e.detection;
  if (d.deployment.kind !== "sentinel-scheduled") throw new Error(`${d.id} is not a Sentinel rule`);
  const mappings = entityMappings(d.query);
  return {
    id: d.id,
    name: d.name,
    description: description(e),
    severity: SEVERITY[d.severity],
    requiredDataConnectors: [],
    queryFrequency: isoDuration(d.deployment.queryFrequency),
    queryPeriod: isoDuration(d.deployment.queryPeriod),
    triggerOperator: "gt",
    triggerThreshold: 0,
    tactics: tacticsOf(e).map((t) => t.name.replace(/\s+/g, "")),
    relevantTechniques: [e.technique.id],
    query: d.query.trim() + "\n",
    ...(mappings.length > 0 ? { entityMappings: mappings } : {}),
    version: `1.0.${d.version - 1}`,
    kind: "Scheduled",
  };
}

export function sentinelPack(): ExportFiles {
  const entries = detectionsForPlatform("sentinel");
  const files: ExportFiles = { LICENSE: licenceFile() };
  for (const e of entries) files[`Detections/${slug(e)}.yaml`] = stringify(sentinelRule(e), { lineWidth: 0 });
  files["README.md"] = `# ${SITE.name}: Microsoft Sentinel analytics rules

${entries.length} scheduled analytics rules in Sentinel's content YAML (\`Detections/\`), with ISO 8601
query frequency and period, tactics, techniques and entity mappings where the query returns the columns.

- Repositories: put \`Detections/\` in a repository connected under Sentinel → Repositories; the
  deployment converts the YAML to ARM.
- By hand: Sentinel → Analytics → Create → Scheduled query rule, and copy the query, frequency, period
  and mappings; or convert a file with the Azure-Sentinel repository's YAML-to-ARM tooling and use
  Analytics → Import.
`;
  return files;
}
