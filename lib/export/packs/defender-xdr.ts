// Microsoft Defender XDR custom detection rules: the KQL of each, and a request body for the
// Microsoft Graph detection rules API (security/rules/detectionRules) with its schedule.
import "server-only";
import { SITE } from "@/lib/site";
import {
  description,
  detectionsForPlatform,
  licenceFile,
  slug,
  tacticsOf,
  type DetectionEntry,
} from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

const SEVERITY = {
  informational: "informational",
  low: "low",
  medium: "medium",
  high: "high",
  critical: "high",
} as const;

export function defenderRule(e: DetectionEntry) {
  const d = e.detection;
  if (d.deployment.kind !== "defender-custom-detection") throw new Error(`${d.id} is not a Defender rule`);
  return {
    displayName: d.name,
    isEnabled: false,
    queryCondition: { queryText: d.query.trim() },
    schedule: { period: d.deployment.frequency === "0" ? "0" : d.deployment.frequency.toUpperCase() },
    detectionAction: {
      alertTemplate: {
        title: d.name,
        description: description(e),
        severity: SEVERITY[d.severity],
        category: tacticsOf(e)[0]?.name.replace(/\s+/g, "") ?? "SuspiciousActivity",
        mitreTechniques: [e.technique.id],
        recommendedActions: d.tuning.map((t) => t.advice).join(" "),
      },
    },
  };
}

export function defenderPack(): ExportFiles {
  const entries = detectionsForPlatform("defender-xdr");
  const files: ExportFiles = { LICENSE: licenceFile() };
  for (const e of entries) {
    files[`queries/${slug(e)}.kql`] = e.detection.query.trim() + "\n";
    files[`graph/${slug(e)}.json`] = JSON.stringify(defenderRule(e), null, 2) + "\n";
  }
  files["README.md"] = `# ${SITE.name}: Microsoft Defender XDR custom detections

${entries.length} custom detection rules: the query of each in \`queries/\`, and in \`graph/\` a request body
for Microsoft Graph's detection rules API with the rule's frequency ("0" is Continuous (NRT)).

- Portal: Hunting → Advanced hunting, paste a query, run it, then Create detection rule and set the
  frequency given in the matching \`graph/\` file.
- Graph (beta): \`POST https://graph.microsoft.com/beta/security/rules/detectionRules\` with a \`graph/\`
  file as the body (permission CustomDetection.ReadWrite.All). Rules arrive disabled; add the
  impacted-asset and response actions your tenant needs before enabling them.
`;
  return files;
}
