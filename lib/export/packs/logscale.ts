// CrowdStrike Falcon LogScale saved queries as YAML files of a LogScale package, with each rule's
// scheduled-search interval and window for turning it into a scheduled search.
import "server-only";
import { stringify } from "yaml";
import { SITE } from "@/lib/site";
import { description, detectionsForPlatform, licenceFile, slug } from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

export function logscalePack(): ExportFiles {
  const entries = detectionsForPlatform("logscale");
  const files: ExportFiles = { LICENSE: licenceFile() };
  for (const e of entries) {
    const d = e.detection;
    if (d.deployment.kind !== "logscale-scheduled-search")
      throw new Error(`${d.id} is not a LogScale search`);
    files[`queries/${slug(e)}.yaml`] = stringify(
      {
        name: `${e.technique.id} ${d.name}`,
        description: description(e),
        queryString: d.query.trim() + "\n",
        schedule: { interval: d.deployment.interval, searchWindow: d.deployment.searchWindow },
      },
      { lineWidth: 0 },
    );
  }
  files["README.md"] = `# ${SITE.name}: CrowdStrike Falcon LogScale saved queries

${entries.length} saved queries in \`queries/\`, each with the interval and search window to schedule it at.

- Saved query: open Search in your repository, paste \`queryString\`, then Save as → Saved query with
  \`name\`.
- Scheduled search: Alerts → Scheduled searches → New, paste the query, set "Run every" to
  \`schedule.interval\` and the search window to \`schedule.searchWindow\`, and attach your action.
`;
  return files;
}
