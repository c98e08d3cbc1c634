// Content → API DTOs. Public fields come from the catalog; Pro sections only with a ProAccess
// proof, which only lib/access mints after the entitlement check.
import "server-only";
import type { ProAccess } from "@/lib/access/pro-access";
import type { DetectionEntry } from "@/lib/content/catalog";
import { getCatalog } from "@/lib/content/catalog";
import type { Technique } from "@/lib/content/model";
import { readProSectionSources } from "@/lib/content/pro";
import { routes } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site";
import type {
  DetectionDto,
  DetectionSummaryDto,
  ProSectionDto,
  TechniqueDto,
  TechniqueSummaryDto,
} from "@/lib/api/schemas";

export const apiPaths = {
  technique: (id: string) => `/api/v1/techniques/${id}`,
  detection: (id: string) => `/api/v1/detections/${id}`,
};

/** The technique's own date or its newest detection's, whichever is later. */
export function techniqueUpdated(t: Technique): string {
  return t.detections.reduce((max, d) => (d.updated > max ? d.updated : max), t.updated);
}

export function techniqueSummary(t: Technique): TechniqueSummaryDto {
  return {
    id: t.id,
    name: t.name,
    parent: t.parent ?? null,
    tactics: t.tactics,
    attackVersion: t.attack_version,
    description: t.description,
    created: t.created,
    updated: techniqueUpdated(t),
    platforms: t.detections.map((d) => d.platform),
    url: absoluteUrl(routes.technique(t.id)),
    apiUrl: absoluteUrl(apiPaths.technique(t.id)),
  };
}

export function detectionSummary({ technique, detection: d }: DetectionEntry): DetectionSummaryDto {
  return {
    id: d.id,
    technique: technique.id,
    platform: d.platform,
    language: d.language,
    name: d.name,
    severity: d.severity,
    confidence: d.confidence,
    version: d.version,
    created: d.created,
    updated: d.updated,
    dataSources: d.data_sources,
    url: absoluteUrl(routes.detection(technique.id, d.platform)),
    apiUrl: absoluteUrl(apiPaths.detection(d.id)),
  };
}

function sigma(t: Technique) {
  return {
    id: t.sigma.rule.id,
    title: t.sigma.rule.title,
    url: absoluteUrl(routes.sigma(t.id)),
    source: t.sigma.source,
  };
}

function proSections(access: ProAccess | null, t: Technique): ProSectionDto[] | undefined {
  if (!access) return undefined;
  const names = new Map(getCatalog().proSections.map((s) => [s.id, s.name]));
  return readProSectionSources(access, t.id).map((s) => ({ ...s, name: names.get(s.id) ?? s.id }));
}

export function techniqueDetail(t: Technique, access: ProAccess | null): TechniqueDto {
  const { platforms } = getCatalog();
  const pro = proSections(access, t);
  return {
    ...techniqueSummary(t),
    related: t.related,
    platformGaps: t.platform_gaps,
    sigma: sigma(t),
    detections: t.detections.map((detection) =>
      detectionSummary({
        technique: t,
        detection,
        platform: platforms.find((p) => p.id === detection.platform)!,
      }),
    ),
    proSections: t.proSections,
    ...(pro ? { pro } : {}),
  };
}

export function detectionDetail(entry: DetectionEntry, access: ProAccess | null): DetectionDto {
  const { detection: d, technique } = entry;
  const { dataSources } = getCatalog();
  const pro = proSections(access, technique);
  return {
    ...detectionSummary(entry),
    severityReason: d.severity_reason,
    confidenceReason: d.confidence_reason,
    query: d.query,
    requiredTables: d.required_tables,
    deployment: d.deployment,
    dataSourceDetails: d.data_sources.flatMap((id) => {
      const s = dataSources.get(id);
      return s ? [{ id: s.id, name: s.name, vendor: s.vendor, kind: s.kind }] : [];
    }),
    falsePositives: d.false_positives,
    tuning: d.tuning.map((t) => ({ advice: t.advice, exclusion: t.exclusion ?? null })),
    changelog: d.changelog,
    sigma: sigma(technique),
    proSections: technique.proSections,
    ...(pro ? { pro } : {}),
  };
}
