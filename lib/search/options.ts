// MiniSearch settings shared by the build (which writes /search-index.json) and the browser (which
// loads it): both sides must agree on fields and tokenising or the loaded index answers nothing.
import type { Options, SearchOptions } from "minisearch";
import type { SearchDocument } from "@/lib/search/documents";

export const SEARCH_FIELDS = [
  "techniqueId",
  "title",
  "techniqueName",
  "tactics",
  "platform",
  "dataSources",
  "logsource",
  "query",
] as const;

export const STORED_FIELDS = [
  "kind",
  "url",
  "title",
  "techniqueId",
  "techniqueName",
  "platform",
  "platformId",
  "tacticIds",
  "severity",
  "dataSourceIds",
] as const satisfies ReadonlyArray<keyof SearchDocument>;

export const SEARCH_OPTIONS: SearchOptions = {
  prefix: true,
  fuzzy: (term) => (term.length > 4 ? 0.15 : false),
  combineWith: "AND",
  boost: { techniqueId: 4, title: 2, techniqueName: 2, dataSources: 1.5 },
};

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  searchOptions: SEARCH_OPTIONS,
  // Arrays are joined so ids such as "windows-security-4688" and names are both searchable.
  extractField: (document, field) => {
    const value = (document as Record<string, unknown>)[field];
    return Array.isArray(value) ? value.join(" ") : (value as string);
  },
};
