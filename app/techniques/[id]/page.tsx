import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttackBox } from "@/components/attack-box";
import { SeverityBadge, TechniqueIdBadge } from "@/components/badges";
import { CodeBlock } from "@/components/code-block";
import { SampleEvents } from "@/components/sample-events";
import { Section } from "@/components/section";
import { SigmaFilters } from "@/components/sigma-filters";
import { SigmaDownloadLink } from "@/components/sigma-download-link";
import { TestList } from "@/components/test-list";
import { getCatalog, getTechnique } from "@/lib/content/catalog";
import { QUERY_LANGUAGE_LABELS } from "@/lib/highlight/languages";
import { renderMarkdown } from "@/lib/mdx/render-markdown";
import { routes } from "@/lib/routes";
import { socialImage } from "@/lib/social-cards";

type Params = { id: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getCatalog().techniques.map((t) => ({ id: t.id }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const technique = getTechnique((await params).id);
  if (!technique) return {};
  const title = `${technique.id} ${technique.name}: detections`;
  return {
    title,
    description: technique.description,
    alternates: { canonical: routes.technique(technique.id) },
    openGraph: {
      title,
      description: technique.description,
      url: routes.technique(technique.id),
      type: "article",
      images: socialImage("technique"),
    },
  };
}

export default async function TechniquePage({ params }: { params: Promise<Params> }) {
  const technique = getTechnique((await params).id);
  if (!technique) notFound();
  const { platforms } = getCatalog();
  const summary = await renderMarkdown(technique.summary, `techniques/${technique.id}/technique.mdx`);
  const missing = platforms.filter((p) => !technique.detections.some((d) => d.platform === p.id));

  return (
    <article className="grid gap-8 lg:grid-cols-[1fr_320px]">
      <div className="min-w-0 space-y-8">
        <header>
          <div className="flex items-center gap-2">
            <TechniqueIdBadge id={technique.id} />
            {technique.parent && (
              <span className="text-sm text-slate-600 dark:text-slate-400">{technique.parent_name}</span>
            )}
          </div>
          <h1 className="mt-2 text-3xl font-bold tracking-tight">{technique.name}</h1>
          <p className="mt-2 text-slate-700 dark:text-slate-300">{technique.description}</p>
          {technique.review && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid="technique-review">
              Reviewed <time dateTime={technique.review.date}>{technique.review.date}</time> against checklist
              v{technique.review.checklist}
            </p>
          )}
        </header>
        <div className="prose prose-slate max-w-none dark:prose-invert">{summary}</div>

        <Section id="platforms" title="Detections by platform">
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {technique.detections.map((d) => {
              const platform = platforms.find((p) => p.id === d.platform)!;
              return (
                <li key={d.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                  <Link
                    href={routes.detection(technique.id, d.platform)}
                    className="font-medium hover:text-brand-700 hover:underline dark:hover:text-brand-300"
                  >
                    {platform.name}
                  </Link>
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {d.name} · {QUERY_LANGUAGE_LABELS[d.language]}
                  </span>
                  <span className="ml-auto">
                    <SeverityBadge severity={d.severity} />
                  </span>
                </li>
              );
            })}
          </ul>
          {missing.length > 0 && (
            <div className="mt-4" data-testid="missing-platforms">
              <h3 className="text-sm font-semibold">Not covered yet</h3>
              <ul className="mt-1 space-y-1 text-sm text-slate-700 dark:text-slate-300">
                {missing.map((p) => {
                  const gap = technique.platform_gaps.find((g) => g.platform === p.id);
                  return (
                    <li key={p.id}>
                      <span className="font-medium">{p.name}</span>:{" "}
                      {gap ? gap.reason : "no detection written yet."}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </Section>

        <Section
          id="sigma"
          title="Portable Sigma rule"
          aside={<SigmaDownloadLink techniqueId={technique.id} />}
        >
          <CodeBlock code={technique.sigma.source} language="yaml" label="Sigma (YAML)" />
          {technique.sigma_filters.length > 0 && (
            <SigmaFilters
              filters={technique.sigma_filters}
              condition={[technique.sigma.rule.detection.condition].flat().join(" or ")}
            />
          )}
        </Section>

        {technique.samples && (
          <Section id="samples" title="Sample events">
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
              Events in the field names of the Sigma rule&apos;s log source: the rule matches every true
              positive and none of the benign look-alikes.
            </p>
            <SampleEvents samples={technique.samples} />
          </Section>
        )}

        <Section id="testing" title="Testing methodology">
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            Run these in a lab to prove the detections fire. Each lists the behaviour to exercise and the
            telemetry to expect; the exact commands and cleanup steps are in Pro.
          </p>
          <TestList tests={technique.tests} />
        </Section>
      </div>
      <aside className="space-y-4 lg:sticky lg:top-20 lg:self-start" aria-label="ATT&CK mapping">
        <AttackBox technique={technique} />
      </aside>
    </article>
  );
}
