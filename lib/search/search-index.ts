// The payload of /search-index.json (the serialised MiniSearch index and the filter choices), and the
// filter choices alone, which the search page renders at build time.
import MiniSearch from "minisearch";
import { TACTICS } from "@/lib/attack/tactics";
import type { Catalog } from "@/lib/content/model";
import { searchDocuments, type SearchDocument } from "@/lib/search/documents";
import { INDEX_OPTIONS } from "@/lib/search/options";

export const SEVERITIES = ["critical", "high", "medium", "low", "informational"] as const;

export type Facet = { id: string; name: string };
export type SearchFacets = {
  tactics: Facet[];
  platforms: Facet[];
  severities: Facet[];
  dataSources: Facet[];
};
export type SearchIndexPayload = {
  facets: SearchFacets;
  index: ReturnType<MiniSearch<SearchDocument>["toJSON"]>;
};

/** The MiniSearch index over the documents: serialised for the browser, or kept by the server. */
export function buildIndex(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const search = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  search.addAll(documents);
  return search;
}

export function buildSearchIndex(catalog: Catalog, documents = searchDocuments(catalog)): SearchIndexPayload {
  return { facets: searchFacets(catalog, documents), index: buildIndex(documents).toJSON() };
}

export function searchFacets(catalog: Catalog, documents = searchDocuments(catalog)): SearchFacets {
  const usedSources = new Set(documents.flatMap((d) => d.dataSourceIds));
  const usedTactics = new Set(documents.flatMap((d) => d.tacticIds));
  return {
    tactics: TACTICS.filter((t) => usedTactics.has(t.shortName)).map((t) => ({
      id: t.shortName,
      name: t.name,
    })),
    platforms: catalog.platforms.map((p) => ({ id: p.id, name: p.name })),
    severities: SEVERITIES.map((s) => ({ id: s, name: s })),
    dataSources: [...usedSources]
      .map((id) => ({ id, name: catalog.dataSources.get(id)?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
