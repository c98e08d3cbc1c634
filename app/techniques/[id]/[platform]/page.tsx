import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AttackBox } from "@/components/attack-box";
import { ConfidenceBadge, PlatformBadge, SeverityBadge, TechniqueIdBadge } from "@/components/badges";
import { CodeBlock } from "@/components/code-block";
import { DeploymentBox } from "@/components/deployment-box";
import { DetectionList } from "@/components/detection-list";
import { NativeEvaluation } from "@/components/native-evaluation";
import { ProSections } from "@/components/pro-sections.client";
import { Section } from "@/components/section";
import { SigmaDownloadLink } from "@/components/sigma-download-link";
import { TestList } from "@/components/test-list";
import { VerificationBox } from "@/components/verification-box";
import { allDetections, getCatalog, getDetection, getPlatform, getTechnique } from "@/lib/content/catalog";
import { QUERY_LANGUAGE_LABELS } from "@/lib/highlight/languages";
import { renderMarkdown } from "@/lib/mdx/render-markdown";
import { routes } from "@/lib/routes";
import { socialImage } from "@/lib/social-cards";
import { contentDir } from "@/lib/content/location";
import { detectionVerification } from "@/lib/verify/detection-summary";
import { kustoTablesFor } from "@/lib/native-eval/corpus";
import { evaluateDetection } from "@/lib/native-eval/run";

type Params = { id: string; platform: string };

// The latest versions on the page; a detection reworked many times keeps its whole history in the
// API, where it does not weigh on every visit.
const CHANGELOG_ON_PAGE = 3;

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return getCatalog().techniques.flatMap((t) =>
    t.detections.map((d) => ({ id: t.id, platform: d.platform })),
  );
}

function load(params: Params) {
  const technique = getTechnique(params.id);
  const detection = getDetection(params.id, params.platform);
  const platform = getPlatform(params.platform);
  return technique && detection && platform ? { technique, detection, platform } : null;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const found = load(await params);
  if (!found) return {};
  const { technique, detection, platform } = found;
  const title = `Detect ${technique.name} (${technique.id}) in ${platform.name}`;
  const description = `${QUERY_LANGUAGE_LABELS[detection.language]} detection for ${technique.id} ${technique.name} in ${platform.name}: ${detection.name}. ${detection.severity} severity, ${detection.confidence} confidence, with tuning advice and the portable Sigma rule.`;
  const url = routes.detection(technique.id, platform.id);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: {
      title,
      description,
      url,
      type: "article",
      modifiedTime: detection.updated,
      publishedTime: detection.created,
      images: socialImage("detection"),
    },
  };
}

export default async function DetectionPage({ params }: { params: Promise<Params> }) {
  const found = load(await params);
  if (!found) notFound();
  const { technique, detection, platform } = found;
  const { platforms, dataSources, proSections } = getCatalog();
  const [summary, explanation] = await Promise.all([
    renderMarkdown(technique.summary, `techniques/${technique.id}/technique.mdx`),
    renderMarkdown(detection.explanation, detection.file),
  ]);
  const others = technique.detections.filter((d) => d.platform !== platform.id);
  const related = allDetections().filter(
    (e) => technique.related.includes(e.technique.id) && e.platform.id === platform.id,
  );
  const relatedElsewhere = technique.related.filter((id) => !related.some((e) => e.technique.id === id));
  const languageLabel = QUERY_LANGUAGE_LABELS[detection.language];
  const verification = detectionVerification(contentDir(), detection.file, {
    id: technique.id,
    sigmaSource: technique.sigma.source,
    samples: technique.samples,
  });
  // Computed at build time (the page is static) by the runner content:evaluate and CI use.
  const native = evaluateDetection(detection, technique.platformSamples[platform.id], {
    kustoTables: kustoTablesFor(contentDir()),
  });

  return (
    <article className="grid gap-8 lg:grid-cols-[1fr_320px]">
      <div className="min-w-0 space-y-8">
        <header>
          <div className="flex flex-wrap items-center gap-2">
            <TechniqueIdBadge id={technique.id} />
            <PlatformBadge id={platform.id} name={platform.name} />
            <span className="text-xs text-slate-600 dark:text-slate-400">{platform.vendor}</span>
          </div>
          <h1 className="mt-2 text-3xl font-bold tracking-tight">
            Detect {technique.name} in {platform.name}
          </h1>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="updated-line">
            {detection.name} · version {detection.version} · updated{" "}
            <time dateTime={detection.updated}>{detection.updated}</time>
          </p>
          <p className="mt-3 text-slate-700 dark:text-slate-300">{technique.description}</p>
        </header>

        <Section
          id="query"
          title={`${platform.name} detection query`}
          aside={<span className="text-sm text-slate-600 dark:text-slate-400">{languageLabel}</span>}
        >
          <CodeBlock
            code={detection.query}
            language={detection.language}
            label={languageLabel}
            copyLabel="Copy query"
            testId="query"
          />
          <div className="mt-3 flex flex-wrap items-center gap-2" data-testid="rating">
            <SeverityBadge severity={detection.severity} />
            <ConfidenceBadge confidence={detection.confidence} />
          </div>
          <DeploymentBox deployment={detection.deployment} />
          <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium">Why {detection.severity} severity</dt>
              <dd className="text-slate-700 dark:text-slate-300">{detection.severity_reason}</dd>
            </div>
            <div>
              <dt className="font-medium">Why {detection.confidence} confidence</dt>
              <dd className="text-slate-700 dark:text-slate-300">{detection.confidence_reason}</dd>
            </div>
          </dl>
        </Section>

        <Section id="native-evaluation" title="The query against sample events">
          <NativeEvaluation
            evaluation={native}
            platformName={platform.name}
            samplesHref={routes.detectionSamples(technique.id, platform.id)}
          />
        </Section>

        <Section id="explanation" title="How the query works">
          <div className="prose prose-slate max-w-none dark:prose-invert">{explanation}</div>
        </Section>

        <Section id="about" title={`About ${technique.name}`}>
          <div className="prose prose-slate max-w-none dark:prose-invert" data-testid="summary">
            {summary}
          </div>
        </Section>

        <Section id="data-sources" title="Data sources and required tables">
          <div className="grid gap-6 sm:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-semibold">Data sources</h3>
              <ul className="space-y-2 text-sm" data-testid="data-sources">
                {detection.data_sources.map((id) => {
                  const source = dataSources.get(id)!;
                  return (
                    <li key={id}>
                      <span className="font-medium">{source.name}</span>
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {source.vendor} · ATT&CK data component: {source.attack_data_component}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold">Required indices, tables or events</h3>
              <ul className="flex flex-wrap gap-2" data-testid="required-tables">
                {detection.required_tables.map((table) => (
                  <li
                    key={table}
                    className="rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800"
                  >
                    {table}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </Section>

        <Section id="false-positives" title="False positives and tuning">
          <ul className="list-disc space-y-1.5 pl-5 text-sm" data-testid="false-positives">
            {detection.false_positives.map((fp) => (
              <li key={fp}>{fp}</li>
            ))}
          </ul>
          <h3 className="mt-5 mb-2 text-sm font-semibold">Tuning</h3>
          <ul className="space-y-4">
            {await Promise.all(
              detection.tuning.map(async (t) => (
                <li key={t.advice} className="text-sm">
                  <p>{t.advice}</p>
                  {t.exclusion && (
                    <CodeBlock
                      code={t.exclusion}
                      language={detection.language}
                      label={`Exclusion (${languageLabel})`}
                    />
                  )}
                </li>
              )),
            )}
          </ul>
        </Section>

        <Section id="sigma" title="Portable Sigma rule">
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            The same behaviour as a vendor-neutral Sigma rule ({technique.sigma.rule.title}), for conversion
            to any backend.
          </p>
          <SigmaDownloadLink techniqueId={technique.id} />
        </Section>

        <Section id="testing" title="Testing methodology">
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            Validate this detection with {technique.tests.length} tests. Each lists the behaviour to exercise
            and the telemetry you should see; executable commands and cleanup steps are available with Pro.
          </p>
          <TestList tests={technique.tests} />
        </Section>

        <Section id="pro" title="Pro: response and investigation">
          <ProSections techniqueId={technique.id} sections={proSections} available={technique.proSections} />
        </Section>

        <Section id="related" title="Related detections">
          {related.length > 0 ? (
            <DetectionList entries={related} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              No related detections for {platform.name} yet.
            </p>
          )}
          {relatedElsewhere.length > 0 && (
            <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
              Related techniques:{" "}
              {relatedElsewhere.map((id, i) => (
                <span key={id}>
                  {i > 0 && ", "}
                  {getTechnique(id) ? (
                    <Link className="font-mono underline underline-offset-2" href={routes.technique(id)}>
                      {id}
                    </Link>
                  ) : (
                    <a
                      className="font-mono underline underline-offset-2"
                      href={`https://attack.mitre.org/techniques/${id.replace(".", "/")}/`}
                    >
                      {id}
                    </a>
                  )}
                </span>
              ))}
            </p>
          )}
        </Section>

        <Section id="changelog" title="Changelog">
          <ol className="space-y-1 text-sm">
            {[...detection.changelog]
              .reverse()
              .slice(0, CHANGELOG_ON_PAGE)
              .map((c) => (
                <li key={c.version}>
                  <span className="font-medium">v{c.version}</span> · <time dateTime={c.date}>{c.date}</time>{" "}
                  · {c.note}
                </li>
              ))}
          </ol>
          {detection.changelog.length > CHANGELOG_ON_PAGE && (
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="changelog-more">
              Versions 1 to {detection.changelog.length - CHANGELOG_ON_PAGE}:{" "}
              <a className="underline underline-offset-2" href={routes.apiDetection(detection.id)}>
                the whole changelog in the detection&apos;s JSON
              </a>
              .
            </p>
          )}
          <p className="mt-2 font-mono text-xs text-slate-600 dark:text-slate-400">
            Detection id {detection.id}
          </p>
        </Section>
      </div>

      <aside className="space-y-4 lg:sticky lg:top-20 lg:self-start" aria-label="Detection summary">
        <AttackBox technique={technique} />
        <VerificationBox
          verification={verification}
          native={native}
          language={detection.language}
          platformName={platform.name}
        />
        <nav
          aria-label="Other platforms"
          className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
          data-testid="other-platforms"
        >
          <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
            Other platforms for {technique.id}
          </h2>
          <ul className="space-y-1">
            {others.map((d) => (
              <li key={d.platform}>
                <Link
                  href={routes.detection(technique.id, d.platform)}
                  className="hover:text-brand-700 hover:underline dark:hover:text-brand-300"
                >
                  {platforms.find((p) => p.id === d.platform)?.name}
                </Link>
              </li>
            ))}
            <li>
              <Link
                href={routes.technique(technique.id)}
                className="text-slate-600 hover:underline dark:text-slate-400"
              >
                Technique overview
              </Link>
            </li>
          </ul>
        </nav>
      </aside>
    </article>
  );
}
