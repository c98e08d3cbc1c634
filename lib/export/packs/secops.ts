// Google SecOps YARA-L 2.0 rule files, one .yaral per rule, as the Rules Editor and the
// Detection Engine API take them.
import "server-only";
import { SITE } from "@/lib/site";
import { detectionsForPlatform, licenceFile, slug } from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

export function secopsPack(): ExportFiles {
  const entries = detectionsForPlatform("secops");
  const files: ExportFiles = { LICENSE: licenceFile() };
  const schedule: Record<string, string> = {};
  for (const e of entries) {
    if (e.detection.deployment.kind !== "secops-rule")
      throw new Error(`${e.detection.id} is not a SecOps rule`);
    files[`rules/${slug(e)}.yaral`] = e.detection.query.trim() + "\n";
    schedule[`rules/${slug(e)}.yaral`] = e.detection.deployment.runFrequency;
  }
  files["run-frequency.json"] = JSON.stringify(schedule, null, 2) + "\n";
  files["README.md"] = `# ${SITE.name}: Google SecOps YARA-L rules

${entries.length} YARA-L 2.0 rules in \`rules/\`; \`run-frequency.json\` gives each rule's run frequency
("live" is real time).

- Rules Editor: Detection → Rules & Detections → Rules Editor → New, paste a file, Save, then enable
  Live Rule or set the run frequency.
- API: create each with the Chronicle API's \`projects.locations.instances.rules.create\` (body
  \`{"text": <file>}\`), then set its deployment (enabled, runFrequency).
`;
  return files;
}
