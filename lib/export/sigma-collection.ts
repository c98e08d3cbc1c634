// The public Sigma collection: every technique's rule as published, an index and the licence.
import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { routes } from "@/lib/routes";
import { absoluteUrl, SITE } from "@/lib/site";
import { licenceFile } from "@/lib/export/common";
import type { ExportFiles } from "@/lib/export/zip";

export function sigmaCollectionFiles(): ExportFiles {
  const { techniques } = getCatalog();
  const files: ExportFiles = { LICENSE: licenceFile() };
  const index = techniques.map((t) => {
    const file = `rules/${t.id}.yml`;
    files[file] = t.sigma.source;
    return {
      file,
      id: t.sigma.rule.id,
      title: t.sigma.rule.title,
      technique: t.id,
      techniqueName: t.name,
      level: t.sigma.rule.level,
      status: t.sigma.rule.status,
      page: absoluteUrl(routes.technique(t.id)),
    };
  });
  files["index.json"] =
    `${JSON.stringify({ generatedBy: SITE.name, count: index.length, rules: index }, null, 2)}\n`;
  files["README.md"] =
    `# ${SITE.name} Sigma rules\n\n${index.length} Sigma rules (specification v2), one per ATT&CK technique, in \`rules/\`. \`index.json\` lists each rule's id, title, technique, level and page. Convert them with pySigma or sigma-cli, or paste one into ${absoluteUrl(routes.sigmaConverter())}.\n\nSee LICENSE for the terms.\n`;
  return files;
}
