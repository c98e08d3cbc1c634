import Link from "next/link";
import type { Metadata } from "next";
import { detectionsForPlatform, getCatalog } from "@/lib/content/catalog";
import { QUERY_LANGUAGE_LABELS } from "@/lib/highlight/languages";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Platforms",
  description: "Detection platforms covered by Detection Atlas and their query languages.",
  alternates: { canonical: routes.platforms() },
  openGraph: { title: "Platforms", url: routes.platforms() },
};

export default function PlatformsPage() {
  const { platforms } = getCatalog();
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Platforms</h1>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {platforms.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <Link
              href={routes.platform(p.id)}
              className="text-lg font-medium hover:text-brand-700 hover:underline dark:hover:text-brand-300"
            >
              {p.name}
            </Link>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {p.vendor} · {p.languages.map((l) => QUERY_LANGUAGE_LABELS[l]).join(", ")} ·{" "}
              {detectionsForPlatform(p.id).length} detections
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
