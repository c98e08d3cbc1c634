// What search can see: one document per technique page and per detection page, made only of fields
// that are public on those pages. Pro material is not in the catalog, so it cannot reach the index.
import type { Catalog } from "@/lib/content/model";
import { tacticByShortName } from "@/lib/attack/tactics";
import { routes } from "@/lib/routes";

export type SearchDocument = {
  id: string;
  kind: "technique" | "detection";
  url: string;
  title: string;
  techniqueId: string;
  techniqueName: string;
  tactics: string[];
  tacticIds: string[];
  platform: string;
  platformId: string;
  severity: string;
  dataSources: string[];
  dataSourceIds: string[];
  logsource: string;
  /** Public query text (the detection query, or the Sigma rule for a technique page). Indexed, not stored. */
  query: string;
};

export function searchDocuments(catalog: Catalog): SearchDocument[] {
  const platformName = (id: string) => catalog.platforms.find((p) => p.id === id)?.name ?? id;
  const dataSourceNames = (ids: string[]) => ids.map((id) => catalog.dataSources.get(id)?.name ?? id);
  return catalog.techniques.flatMap((t) => {
    const fullName = t.parent_name ? `${t.parent_name}: ${t.name}` : t.name;
    const tacticNames = t.tactics.map((s) => tacticByShortName(s)?.name ?? s);
    const logsource = Object.values(t.sigma.rule.logsource).filter(Boolean).join(" ");
    const allSources = [...new Set(t.detections.flatMap((d) => d.data_sources))];
    const common = {
      techniqueId: t.id,
      techniqueName: fullName,
      tactics: tacticNames,
      tacticIds: [...t.tactics],
      logsource,
    };
    const techniqueDoc: SearchDocument = {
      ...common,
      id: t.id,
      kind: "technique",
      url: routes.technique(t.id),
      title: fullName,
      platform: t.detections.map((d) => platformName(d.platform)).join(" "),
      platformId: "",
      severity: "",
      dataSources: [...dataSourceNames(allSources), ...allSources],
      dataSourceIds: allSources,
      query: t.sigma.source,
    };
    const detectionDocs = t.detections.map((d): SearchDocument => ({
      ...common,
      id: `${t.id}/${d.platform}`,
      kind: "detection",
      url: routes.detection(t.id, d.platform),
      title: d.name,
      platform: platformName(d.platform),
      platformId: d.platform,
      severity: d.severity,
      dataSources: [...dataSourceNames(d.data_sources), ...d.data_sources, ...d.required_tables],
      dataSourceIds: d.data_sources,
      query: d.query,
    }));
    return [techniqueDoc, ...detectionDocs];
  });
}
