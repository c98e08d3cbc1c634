// Search on the server: one MiniSearch index per process, built from the same public documents and
// options as /search-index.json, so ranking and filters are those of the browser search it replaces.
// The browser then downloads a page of results (a few KB) instead of an index that grows with the
// corpus (137 KB gzipped at 310 detections, about 1.2 MB at 3,000).
import "server-only";
import type MiniSearch from "minisearch";
import { getCatalog } from "@/lib/content/catalog";
import { searchDocuments, type SearchDocument } from "@/lib/search/documents";
import { runSearch, type SearchHit } from "@/lib/search/run-search";
import { buildIndex } from "@/lib/search/search-index";
import type { SearchQuery } from "@/lib/search/search-query";

// Kept on globalThis, not in a module variable: instrumentation.ts warms the index at start-up
// and Next bundles it apart from the route, so the two may hold different copies of this module.
const INDEX_KEY = Symbol.for("detection-atlas.search-index");
type IndexHolder = { [INDEX_KEY]?: MiniSearch<SearchDocument> };

function serverIndex(): MiniSearch<SearchDocument> {
  const holder = globalThis as IndexHolder;
  holder[INDEX_KEY] ??= buildIndex(searchDocuments(getCatalog()));
  return holder[INDEX_KEY];
}

/** Builds the index now (about a second for the corpus), so the first visitor's search does not wait. */
export function warmSearchIndex(): void {
  serverIndex();
}

export function searchCatalog({ q, filters }: SearchQuery): SearchHit[] {
  return runSearch(serverIndex(), q, filters);
}
