import Link from "next/link";
import { getCatalog } from "@/lib/content/catalog";
import { getAttackCatalogue } from "@/lib/coverage/attack-data";
import { buildMatrix, coveredWithSubtechniques } from "@/lib/coverage/matrix";
import { routes } from "@/lib/routes";
import { CoverageMatrixView } from "./coverage-matrix";

const pill =
  "rounded-full border px-3 py-1 text-sm hover:border-brand-600 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white";

/** /matrix and /matrix/<platform>: the filter is a link per platform, so every view has a URL. */
export function MatrixPage({ platformId }: { platformId?: string }) {
  const content = getCatalog();
  const attack = getAttackCatalogue();
  const matrix = buildMatrix(attack, content, platformId);
  const platform = content.platforms.find((p) => p.id === platformId);
  const entries = matrix.columns.flatMap((c) => c.entries);
  const unique = new Map(entries.flatMap((e) => [e, ...e.subtechniques]).map((e) => [e.id, e]));
  const covered = [...unique.values()].filter((e) => e.platforms.length > 0).length;
  const parentsCovered = new Set(entries.filter((e) => coveredWithSubtechniques(e) > 0).map((e) => e.id))
    .size;

  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">
        ATT&CK coverage{platform ? ` on ${platform.name}` : ""}
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300" data-testid="matrix-summary">
        {covered} of {unique.size} ATT&CK {matrix.attackVersion} Enterprise techniques and sub-techniques have
        a detection{platform ? ` on ${platform.name}` : ""} ({parentsCovered} techniques counting their
        sub-techniques). Each cell shows how many of the {matrix.platformIds.length} platform
        {matrix.platformIds.length > 1 ? "s" : ""} have one; uncovered techniques link to ATT&CK.
      </p>
      {matrix.source === "content" && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          The ATT&CK catalogue has not been synced (npm run attack:sync), so only techniques we cover are
          listed.
        </p>
      )}
      <nav aria-label="Filter by platform" className="mt-4 flex flex-wrap gap-2">
        <Link href={routes.matrix()} className={pill} aria-current={platformId ? undefined : "page"}>
          All platforms
        </Link>
        {content.platforms.map((p) => (
          <Link
            key={p.id}
            href={routes.matrix(p.id)}
            className={pill}
            aria-current={p.id === platformId ? "page" : undefined}
          >
            {p.name}
          </Link>
        ))}
      </nav>
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <a
          href={routes.navigatorLayer("coverage", platformId)}
          download
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          Download Navigator layer: coverage
        </a>
        <a
          href={routes.navigatorLayer("gaps", platformId)}
          download
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          Download Navigator layer: gaps
        </a>
        <span className="text-slate-600 dark:text-slate-400">
          Open either in the ATT&CK Navigator (Open Existing Layer, Upload from local).
        </span>
      </div>
      {/* Each link at least 24 px tall: touch targets this small are otherwise hard to hit (WCAG 2.5.8). */}
      <nav aria-label="Tactics" className="mt-4 flex flex-wrap gap-x-3 text-xs md:hidden">
        {matrix.columns.map((c) => (
          <a key={c.id} href={`#${c.shortName}`} className="inline-block py-1 underline">
            {c.name}
          </a>
        ))}
      </nav>
      <div className="mt-6">
        <CoverageMatrixView matrix={matrix} />
      </div>
    </div>
  );
}
