import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetectionList } from "@/components/detection-list";
import { detectionsForPlatform, getCatalog, getPlatform } from "@/lib/content/catalog";
import { TACTICS } from "@/lib/attack/tactics";
import { QUERY_LANGUAGE_LABELS } from "@/lib/highlight/languages";
import { routes } from "@/lib/routes";

type Params = { platform: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getCatalog().platforms.map((p) => ({ platform: p.id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const platform = getPlatform((await params).platform);
  if (!platform) return {};
  const title = `${platform.name} detections for ATT&CK techniques`;
  const description = `${detectionsForPlatform(platform.id).length} ${platform.languages.map((l) => QUERY_LANGUAGE_LABELS[l]).join(" and ")} detections for ${platform.name}, mapped to MITRE ATT&CK.`;
  return {
    title,
    description,
    alternates: { canonical: routes.platform(platform.id) },
    openGraph: { title, description, url: routes.platform(platform.id) },
  };
}

export default async function PlatformPage({ params }: { params: Promise<Params> }) {
  const platform = getPlatform((await params).platform);
  if (!platform) notFound();
  const entries = detectionsForPlatform(platform.id);
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">{platform.name} detections</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {entries.length} detections in {platform.languages.map((l) => QUERY_LANGUAGE_LABELS[l]).join(" and ")}
        , by {platform.vendor}, grouped by ATT&CK tactic.
      </p>
      <div className="mt-8 space-y-8">
        {TACTICS.map((tactic) => {
          const inTactic = entries.filter((e) =>
            (e.technique.tactics as string[]).includes(tactic.shortName),
          );
          if (inTactic.length === 0) return null;
          return (
            <section key={tactic.id} aria-labelledby={`${tactic.shortName}-title`}>
              <h2 id={`${tactic.shortName}-title`} className="mb-3 text-xl font-semibold">
                {tactic.name}
              </h2>
              <DetectionList entries={inTactic} />
            </section>
          );
        })}
      </div>
    </div>
  );
}
