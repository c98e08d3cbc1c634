"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { SearchFilters, SearchHit } from "@/lib/search/run-search";
import type { SearchFacets } from "@/lib/search/search-index";
import { searchResultsUrl } from "@/lib/search/search-query";
import { routes } from "@/lib/routes";
import { Highlight } from "./highlight";

const FILTERS = [
  { key: "tactic", label: "Tactic", facet: "tactics" },
  { key: "platform", label: "Platform", facet: "platforms" },
  { key: "severity", label: "Severity", facet: "severities" },
  { key: "dataSource", label: "Data source", facet: "dataSources" },
] as const;

const FIELD_LABELS: Record<string, string> = {
  techniqueId: "ATT&CK id",
  title: "title",
  techniqueName: "technique",
  tactics: "tactic",
  platform: "platform",
  dataSources: "data sources",
  logsource: "Sigma log source",
  query: "query text",
};

type Answer = { key: string; hits: SearchHit[] } | { key: string; error: string };

function statusText(answer: Answer | null, key: string, query: string): string {
  if (!query.trim()) return "Type to search technique pages and detections.";
  if (!answer || answer.key !== key) return "Searching…";
  if ("error" in answer) return `Search failed (${answer.error}). Try again.`;
  const count = answer.hits.length;
  const results = `${count} result${count === 1 ? "" : "s"}`;
  return count ? `${results}: ↓ and ↑ move through them, Enter opens one.` : results;
}

/**
 * Search as you type: each query goes to /search/results (the server holds the index, so the page
 * does not download one that grows with the corpus); the URL holds the state.
 */
export function SearchBox({ facets }: { facets: SearchFacets }) {
  const params = useSearchParams();
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState(params.get("q") ?? "");
  const [filters, setFilters] = useState<SearchFilters>(() =>
    Object.fromEntries(FILTERS.map((f) => [f.key, params.get(f.key) ?? undefined]).filter(([, v]) => v)),
  );
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = query.trim() ? searchResultsUrl({ q: query, filters }) : "";

  // One request per query; a newer query aborts the one before, so answers never arrive out of order.
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    fetch(key, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((body: { hits: SearchHit[] }) => setAnswer({ key, hits: body.hits }))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setAnswer({ key, error: e instanceof Error ? e.message : String(e) });
      });
    return () => controller.abort();
  }, [key]);

  const hits = key && answer?.key === key && "hits" in answer ? answer.hits : [];

  // Keep the URL shareable without adding a history entry per keystroke.
  useEffect(() => {
    const next = new URLSearchParams();
    if (query) next.set("q", query);
    for (const f of FILTERS) if (filters[f.key]) next.set(f.key, filters[f.key]!);
    const url = `${routes.search()}${next.size ? `?${next}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, "", url);
  }, [query, filters]);

  const resultLinks = () => [
    ...(listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []),
  ];

  // ↓ from the box goes to the first result; ↑ ↓ move between results; ↑ from the first returns to
  // the box; Enter follows the focused link (natively), or opens the first result from the box.
  const onInputKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      resultLinks()[0]?.focus();
    } else if (event.key === "Enter" && hits[0]) {
      event.preventDefault();
      router.push(hits[0].url);
    }
  };
  const onListKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const links = resultLinks();
    const next =
      links.indexOf(document.activeElement as HTMLAnchorElement) + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) inputRef.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };

  return (
    <div>
      <label htmlFor="search-input" className="sr-only">
        Search detections
      </label>
      <input
        id="search-input"
        ref={inputRef}
        type="search"
        aria-describedby="search-status"
        autoFocus
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onInputKeyDown}
        placeholder="Technique id or name, tool, event id, table… e.g. lsass, T1003, 4688, SigninLogs"
        className="w-full rounded-lg border border-slate-300 bg-white px-4 py-3 text-base shadow-sm focus:border-brand-600 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {FILTERS.map((f) => (
          <label key={f.key} className="text-sm">
            <span className="block text-slate-700 dark:text-slate-300">{f.label}</span>
            <select
              value={filters[f.key] ?? ""}
              onChange={(e) => setFilters((old) => ({ ...old, [f.key]: e.target.value || undefined }))}
              className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="">Any</option>
              {facets[f.facet].map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p id="search-status" className="mt-4 text-sm text-slate-600 dark:text-slate-400" role="status">
        {statusText(answer, key, query)}
      </p>
      <ul
        ref={listRef}
        onKeyDown={onListKeyDown}
        aria-label="Results"
        aria-busy={Boolean(key) && answer?.key !== key}
        className="mt-2 space-y-2"
        data-testid="search-results"
      >
        {hits.map((hit) => (
          <li
            key={hit.id}
            className="rounded-lg border border-slate-200 p-3 focus-within:border-brand-600 focus-within:bg-sky-50 dark:border-slate-800 dark:focus-within:bg-slate-900"
          >
            <a href={hit.url} data-result className="font-medium hover:underline focus:outline-none">
              <Highlight text={hit.title} terms={hit.terms} />
            </a>
            <p className="mt-0.5 text-sm text-slate-700 dark:text-slate-300">
              <span className="font-mono">
                <Highlight text={hit.techniqueId} terms={hit.terms} />
              </span>{" "}
              <Highlight text={hit.techniqueName} terms={hit.terms} />
              {hit.kind === "detection" ? (
                <>
                  {" · "}
                  <Highlight text={hit.platform} terms={hit.terms} /> · {hit.severity} severity
                </>
              ) : (
                " · technique overview"
              )}
            </p>
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
              Matched in {hit.fields.map((f) => FIELD_LABELS[f] ?? f).join(", ")}:{" "}
              {hit.terms.map((t) => (
                <mark
                  key={t}
                  className="mr-1 rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700"
                >
                  {t}
                </mark>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
