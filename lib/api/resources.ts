// What each /api/v1 resource returns, from the catalog. Route handlers only map these to responses.
import "server-only";
import type { ApiCaller } from "@/lib/access/api-caller";
import { allDetections, getCatalog, getTechnique, type DetectionEntry } from "@/lib/content/catalog";
import type { Technique } from "@/lib/content/model";
import {
  detectionDetail,
  detectionSummary,
  techniqueDetail,
  techniqueSummary,
  techniqueUpdated,
} from "@/lib/api/dto";
import { ApiError } from "@/lib/api/errors";
import { filtersOf, paginate, type ListFilters, type ListQuery } from "@/lib/api/query";

function checkKnown(filters: ListFilters) {
  const catalog = getCatalog();
  if (filters.platform && !catalog.platforms.some((p) => p.id === filters.platform))
    throw new ApiError(
      "invalid_parameter",
      `Unknown platform "${filters.platform}"; known: ${catalog.platforms.map((p) => p.id).join(", ")}.`,
    );
  if (filters.data_source && !catalog.dataSources.has(filters.data_source))
    throw new ApiError("invalid_parameter", `Unknown data_source "${filters.data_source}".`);
}

function detectionMatches(e: DetectionEntry, f: ListFilters): boolean {
  return (
    (!f.tactic || (e.technique.tactics as string[]).includes(f.tactic)) &&
    (!f.platform || e.detection.platform === f.platform) &&
    (!f.severity || e.detection.severity === f.severity) &&
    (!f.data_source || e.detection.data_sources.includes(f.data_source)) &&
    (!f.updated_since || e.detection.updated >= f.updated_since)
  );
}

/** A technique matches when it fits the tactic and date and has a detection that fits the rest. */
function techniqueMatches(t: Technique, f: ListFilters): boolean {
  if (f.tactic && !(t.tactics as string[]).includes(f.tactic)) return false;
  if (f.updated_since && techniqueUpdated(t) < f.updated_since) return false;
  if (!f.platform && !f.severity && !f.data_source) return true;
  return t.detections.some(
    (d) =>
      (!f.platform || d.platform === f.platform) &&
      (!f.severity || d.severity === f.severity) &&
      (!f.data_source || d.data_sources.includes(f.data_source)),
  );
}

export function listTechniques(query: ListQuery) {
  const filters = filtersOf(query);
  checkKnown(filters);
  const page = paginate(
    getCatalog().techniques.filter((t) => techniqueMatches(t, filters)),
    (t) => t.id,
    query,
  );
  return { data: page.data.map(techniqueSummary), nextCursor: page.nextCursor };
}

export function listDetections(query: ListQuery) {
  const filters = filtersOf(query);
  checkKnown(filters);
  const page = paginate(
    allDetections().filter((e) => detectionMatches(e, filters)),
    (e) => `${e.technique.id}/${e.detection.platform}`,
    query,
  );
  return { data: page.data.map(detectionSummary), nextCursor: page.nextCursor };
}

function proAccessOf(caller: ApiCaller) {
  return caller.kind !== "anonymous" && caller.plan === "pro" ? caller.access : null;
}

export function findTechnique(id: string, caller: ApiCaller) {
  const technique = getTechnique(id);
  if (!technique) throw new ApiError("not_found", `No technique ${id}.`);
  return techniqueDetail(technique, proAccessOf(caller));
}

export function findDetection(id: string, caller: ApiCaller) {
  const entry = allDetections().find((e) => e.detection.id === id);
  if (!entry) throw new ApiError("not_found", `No detection with id ${id}.`);
  return detectionDetail(entry, proAccessOf(caller));
}
