// The browser's side of /search-index.json: kept apart from the index builder so the search page's
// bundle carries MiniSearch and its options, not the code that turns the catalog into documents.
import MiniSearch from "minisearch";
import type { SearchDocument } from "@/lib/search/documents";
import { INDEX_OPTIONS } from "@/lib/search/options";
import type { SearchIndexPayload } from "@/lib/search/search-index";

export function loadSearchIndex(payload: SearchIndexPayload): MiniSearch<SearchDocument> {
  return MiniSearch.loadJS(payload.index, INDEX_OPTIONS);
}
