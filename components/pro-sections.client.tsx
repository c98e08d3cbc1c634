"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { ProBadge, ProTeasers } from "@/components/pro-teasers";
import type { ProSectionId, ProSectionInfo } from "@/lib/content/schema";

type Loaded = { id: ProSectionId; name: string; html: string };
type State =
  | { kind: "loading" }
  | { kind: "anonymous" }
  | { kind: "free" }
  | { kind: "error"; message: string }
  | { kind: "unlocked"; sections: Loaded[] };

async function fetchProState(techniqueId: string): Promise<State> {
  try {
    const response = await fetch(`/api/pro/${techniqueId}`, {
      credentials: "same-origin",
      cache: "no-store",
    });
    if (response.status === 401) return { kind: "anonymous" };
    if (response.status === 403) return { kind: "free" };
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = (await response.json()) as { sections: Loaded[] };
    return { kind: "unlocked", sections: body.sections };
  } catch {
    return { kind: "error", message: "We could not load your Pro content just now." };
  }
}

/**
 * The per-visitor part of a prerendered detection page. The static HTML holds only the locked
 * cards; Pro bodies arrive from /api/pro/<id>, which checks the entitlement on the server.
 */
export function ProSections({
  techniqueId,
  sections,
  available,
}: {
  techniqueId: string;
  sections: ProSectionInfo[];
  available: ProSectionId[];
}) {
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    let cancelled = false;
    void fetchProState(techniqueId).then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, [techniqueId]);

  const retry = async () => {
    setState({ kind: "loading" });
    setState(await fetchProState(techniqueId));
  };

  if (state.kind === "unlocked")
    return (
      <div className="space-y-8" data-testid="pro-content">
        {state.sections.map((s) => (
          <section
            key={s.id}
            aria-labelledby={`pro-${s.id}`}
            className="rounded-lg border border-brand-100 p-4 dark:border-slate-700"
          >
            <h3 id={`pro-${s.id}`} className="mb-2 flex items-center gap-2 text-base font-semibold">
              {s.name}
              <ProBadge />
            </h3>
            <div
              className="prose prose-slate max-w-none dark:prose-invert"
              dangerouslySetInnerHTML={{ __html: s.html }}
            />
          </section>
        ))}
      </div>
    );

  return (
    <div className="space-y-4">
      <ProTeasers techniqueId={techniqueId} sections={sections} available={available} />
      {/* As tall as the sign-in and upgrade rows, so the answer arriving shifts nothing below. */}
      <div aria-live="polite" data-testid="pro-state" className="min-h-8">
        {state.kind === "loading" && (
          <p className="text-sm text-slate-600 dark:text-slate-400">Checking your access…</p>
        )}
        {state.kind === "anonymous" && (
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <Link
              href={`/sign-in?next=${encodeURIComponent(typeof window === "undefined" ? "/" : window.location.pathname)}`}
              className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
            >
              Sign in
            </Link>
            <Link href="/pricing" className="underline underline-offset-2">
              See what Pro includes
            </Link>
          </p>
        )}
        {state.kind === "free" && (
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <Link
              href="/pricing"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
            >
              Upgrade to Pro
            </Link>
            <span className="text-slate-600 dark:text-slate-400">You are on the Free plan.</span>
          </p>
        )}
        {state.kind === "error" && (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            {state.message}
            <button
              type="button"
              onClick={() => void retry()}
              className="rounded-md border border-amber-400 px-2 py-1 font-medium"
            >
              Retry
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
