// One search call for the page and the tests: the query, then the facet filters, best score first.
import type MiniSearch from "minisearch";
import type { SearchResult } from "minisearch";
import type { SearchDocument } from "@/lib/search/documents";

export type SearchFilters = { tactic?: string; platform?: string; severity?: string; dataSource?: string };

export type SearchHit = Pick<
  SearchDocument,
  "id" | "kind" | "url" | "title" | "techniqueId" | "techniqueName" | "platform" | "platformId" | "severity"
> & { terms: string[]; fields: string[] };

function matchesFilters(result: SearchResult, filters: SearchFilters): boolean {
  const has = (field: string, value: string) =>
    (result[field] as string[] | undefined)?.includes(value) ?? false;
  if (filters.tactic && !has("tacticIds", filters.tactic)) return false;
  if (filters.dataSource && !has("dataSourceIds", filters.dataSource)) return false;
  // Platform and severity describe a detection page; a technique page spans every platform.
  if (filters.platform && result.platformId !== filters.platform) return false;
  if (filters.severity && result.severity !== filters.severity) return false;
  return true;
}

export function runSearch(
  index: MiniSearch<SearchDocument>,
  query: string,
  filters: SearchFilters = {},
  limit = 50,
): SearchHit[] {
  const trimmed = query.trim().slice(0, 200);
  if (!trimmed) return [];
  return index
    .search(trimmed, { filter: (r) => matchesFilters(r, filters) })
    .slice(0, limit)
    .map((r) => ({
      id: String(r.id),
      kind: r.kind as SearchDocument["kind"],
      url: r.url as string,
      title: r.title as string,
      techniqueId: r.techniqueId as string,
      techniqueName: r.techniqueName as string,
      platform: r.platform as string,
      platformId: r.platformId as string,
      severity: r.severity as string,
      terms: r.terms,
      fields: [...new Set(Object.values(r.match).flat())],
    }));
}
