import Link from "next/link";
import type { Metadata } from "next";
import { DetectionList } from "@/components/detection-list";
import { allDetections, getCatalog, recentlyUpdated, techniquesForTactic } from "@/lib/content/catalog";
import { TACTICS } from "@/lib/attack/tactics";
import { routes } from "@/lib/routes";
import { SITE } from "@/lib/site";
import { socialImage } from "@/lib/social-cards";

export const metadata: Metadata = {
  alternates: { canonical: "/" },
  openGraph: { title: SITE.name, description: SITE.tagline, url: "/", images: socialImage("home") },
};

export default function HomePage() {
  const { techniques, platforms } = getCatalog();
  const detections = allDetections();
  const latest = [...detections]
    .sort(
      (a, b) =>
        b.detection.created.localeCompare(a.detection.created) ||
        a.technique.id.localeCompare(b.technique.id),
    )
    .slice(0, 6);
  const updated = recentlyUpdated(6);
  const counts = [
    { label: "Techniques", value: techniques.length },
    { label: "Detections", value: detections.length },
    { label: "Platforms", value: platforms.length },
  ];
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-title" className="max-w-3xl">
        <h1 id="hero-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Detect ATT&CK techniques in the SIEM you already run
        </h1>
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
          Each page answers one question: how do I detect this technique on this platform? Get the query in
          your platform&apos;s language, the caveats that make it noisy, the portable Sigma rule, and a way to
          prove it fires.
        </p>
        <dl className="mt-6 flex flex-wrap gap-6" data-testid="counts">
          {counts.map((c) => (
            <div key={c.label}>
              <dt className="text-sm text-slate-600 dark:text-slate-400">{c.label}</dt>
              <dd className="text-3xl font-semibold tabular-nums">{c.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="platforms-title">
        <h2 id="platforms-title" className="mb-3 text-xl font-semibold">
          Browse by platform
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {platforms.map((p) => (
            <li key={p.id}>
              <Link
                href={routes.platform(p.id)}
                className="block rounded-lg border border-slate-200 p-4 hover:border-brand-600 dark:border-slate-800 dark:hover:border-brand-400"
              >
                <span className="font-medium">{p.name}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  {detections.filter((d) => d.platform.id === p.id).length} detections · {p.vendor}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="tactics-title">
        <h2 id="tactics-title" className="mb-3 text-xl font-semibold">
          Browse by tactic
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {TACTICS.map((t) => {
            const n = techniquesForTactic(t.shortName).length;
            return (
              <li key={t.id}>
                <Link
                  href={`${routes.techniques()}#${t.shortName}`}
                  className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-sm hover:border-brand-600 dark:border-slate-800 dark:hover:border-brand-400"
                >
                  <span>{t.name}</span>
                  <span className="text-slate-600 tabular-nums dark:text-slate-400">{n}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="latest-title">
          <h2 id="latest-title" className="mb-3 text-xl font-semibold">
            Latest detections
          </h2>
          <DetectionList entries={latest} />
        </section>
        <section aria-labelledby="updated-title">
          <h2 id="updated-title" className="mb-3 text-xl font-semibold">
            Recently updated
          </h2>
          <DetectionList entries={updated} showDate />
        </section>
      </div>
    </div>
  );
}
