// The search endpoint's input: the same query and facet filters the search page keeps in its URL,
// checked before any search runs so bad input gets a 400 rather than a slow or failed search.
import type { SearchFilters } from "@/lib/search/run-search";

export const SEARCH_RESULTS_PATH = "/search/results";
export const MAX_QUERY_LENGTH = 200;
export const FILTER_KEYS = ["tactic", "platform", "severity", "dataSource"] as const;
// Facet ids are kebab-case slugs (tactic short names, platform ids, data source ids).
const FACET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type SearchQuery = { q: string; filters: SearchFilters };
export type ParsedSearchQuery = { ok: true; query: SearchQuery } | { ok: false; error: string };

export function parseSearchQuery(params: URLSearchParams): ParsedSearchQuery {
  const q = params.get("q") ?? "";
  if (q.length > MAX_QUERY_LENGTH)
    return { ok: false, error: `q is longer than ${MAX_QUERY_LENGTH} characters` };
  const filters: SearchFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value === null || value === "") continue;
    if (!FACET_ID.test(value))
      return { ok: false, error: `${key} must be an id such as "credential-access"` };
    filters[key] = value;
  }
  return { ok: true, query: { q, filters } };
}

/** The endpoint URL for a query, as the search box asks it. */
export function searchResultsUrl({ q, filters }: SearchQuery): string {
  const params = new URLSearchParams({ q: q.slice(0, MAX_QUERY_LENGTH) });
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return `${SEARCH_RESULTS_PATH}?${params}`;
}
