import type { Metadata } from "next";
import { Suspense } from "react";
import { getCatalog } from "@/lib/content/catalog";
import { routes } from "@/lib/routes";
import { searchFacets } from "@/lib/search/search-index";
import { SearchBox } from "./_components/search-box.client";

export const metadata: Metadata = {
  title: "Search detections",
  description:
    "Search Detection Atlas by ATT&CK id or name, tool, event id, table, data source or query text, filtered by tactic, platform and severity.",
  alternates: { canonical: routes.search() },
  openGraph: { title: "Search detections", url: routes.search() },
};

export default function SearchPage() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <p className="mt-2 mb-6 text-slate-700 dark:text-slate-300">
        Technique ids and names, detection titles, tactics, platforms, data sources, Sigma log sources and the
        text of public queries.
      </p>
      {/* The box reads the URL (?q=&platform=…), which static pages only know in the browser. The
          filter choices are rendered here at build time; queries go to /search/results. */}
      <Suspense fallback={<p className="text-sm">Loading search…</p>}>
        <SearchBox facets={searchFacets(getCatalog())} />
      </Suspense>
    </div>
  );
}
