import Link from "next/link";
import type { Metadata } from "next";
import { TechniqueIdBadge } from "@/components/badges";
import { getCatalog, techniquesForTactic } from "@/lib/content/catalog";
import { TACTICS } from "@/lib/attack/tactics";
import { UNOBSERVABLE_TACTICS } from "@/lib/attack/tactic-observability";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Techniques by ATT&CK tactic",
  description:
    "Every ATT&CK Enterprise technique with detection content, grouped by the 14 Enterprise tactics.",
  alternates: { canonical: routes.techniques() },
  openGraph: { title: "Techniques by ATT&CK tactic", url: routes.techniques() },
};

export default function TechniquesPage() {
  const { platforms } = getCatalog();
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">Techniques by tactic</h1>
      <p className="mt-2 max-w-2xl text-slate-700 dark:text-slate-300">
        The 14 ATT&CK Enterprise tactics in matrix order. A technique used for several tactics appears under
        each.
      </p>
      <nav aria-label="Tactics" className="mt-6 flex flex-wrap gap-2 text-sm">
        {TACTICS.map((t) => (
          <a
            key={t.id}
            href={`#${t.shortName}`}
            className="rounded-full border border-slate-300 px-3 py-1 hover:border-brand-600 dark:border-slate-700"
          >
            {t.name}
          </a>
        ))}
      </nav>
      <div className="mt-8 space-y-10">
        {TACTICS.map((tactic) => {
          const techniques = techniquesForTactic(tactic.shortName);
          return (
            <section
              key={tactic.id}
              id={tactic.shortName}
              aria-labelledby={`${tactic.shortName}-title`}
              className="scroll-mt-20"
            >
              <h2 id={`${tactic.shortName}-title`} className="text-xl font-semibold">
                {tactic.name}{" "}
                <span className="font-mono text-sm font-normal text-slate-600 dark:text-slate-400">
                  {tactic.id}
                </span>
              </h2>
              {techniques.length === 0 ? (
                <p className="mt-2 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
                  {UNOBSERVABLE_TACTICS[tactic.shortName] ?? "No detections for this tactic yet."}
                </p>
              ) : (
                <ul className="mt-3 grid gap-3 md:grid-cols-2">
                  {techniques.map((t) => (
                    <li key={t.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                      <div className="flex items-center gap-2">
                        <TechniqueIdBadge id={t.id} />
                        <Link
                          href={routes.technique(t.id)}
                          className="font-medium hover:text-brand-700 hover:underline dark:hover:text-brand-300"
                        >
                          {t.parent_name ? `${t.parent_name}: ${t.name}` : t.name}
                        </Link>
                      </div>
                      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t.description}</p>
                      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                        {t.detections.length} of {platforms.length} platforms:{" "}
                        {t.detections.map((d) => platforms.find((p) => p.id === d.platform)?.name).join(", ")}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
