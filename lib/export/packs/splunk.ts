// Splunk saved searches as a savedsearches.conf for an app's local/ directory.
import "server-only";
import { SITE } from "@/lib/site";
import { description, detectionsForPlatform, licenceFile, type DetectionEntry } from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

/** .conf values are one line; SPL treats the query's line breaks as spaces, so joining them is safe. */
function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
}

function stanza(e: DetectionEntry): string {
  const d = e.detection;
  if (d.deployment.kind !== "splunk-scheduled-search") throw new Error(`${d.id} is not a Splunk search`);
  const { cron, earliest, latest } = d.deployment;
  const name = oneLine(`${SITE.name} - ${e.technique.id} - ${d.name}`).replace(/[[\]]/g, "");
  const lines = [
    `[${name}]`,
    `description = ${oneLine(description(e))}`,
    `search = ${oneLine(d.query)}`,
    `enableSched = 1`,
    `cron_schedule = ${cron}`,
    `dispatch.earliest_time = ${earliest}`,
    `dispatch.latest_time = ${latest}`,
    `counttype = number of events`,
    `relation = greater than`,
    `quantity = 0`,
    `alert.track = 1`,
    `alert.severity = ${{ informational: 1, low: 2, medium: 3, high: 4, critical: 5 }[d.severity]}`,
    `disabled = 1`,
  ];
  return lines.join("\n");
}

export function splunkPack(): ExportFiles {
  const entries = detectionsForPlatform("splunk");
  return {
    "default/savedsearches.conf": `# ${SITE.name}: ${entries.length} scheduled searches (disabled until you enable them)\n\n${entries.map(stanza).join("\n\n")}\n`,
    LICENSE: licenceFile(),
    "README.md": `# ${SITE.name}: Splunk saved searches

\`default/savedsearches.conf\` holds ${entries.length} scheduled searches with their cron schedule and
dispatch window, each disabled.

1. Copy the file into an app, e.g. \`$SPLUNK_HOME/etc/apps/detection_atlas/default/savedsearches.conf\`
   (create \`default/app.conf\` with \`[ui] is_visible = 1\` for a new app), and restart Splunk or reload
   \`/debug/refresh\`.
2. Check each search's index and sourcetype against your data, then enable it under Settings →
   Searches, reports, and alerts, and add the alert action you use.
`,
  };
}
