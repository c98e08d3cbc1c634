import { coveredWithSubtechniques, type CoverageMatrix } from "@/lib/coverage/matrix";
import { CoverageCell } from "./coverage-cell";

/**
 * The matrix as what it is to a screen reader: one section per tactic with a heading and a list of
 * techniques. Wide screens lay the sections out as columns (scrolling sideways); phones get the
 * same sections stacked, as a list.
 */
export function CoverageMatrixView({ matrix }: { matrix: CoverageMatrix }) {
  const total = matrix.platformIds.length;
  return (
    <div className="overflow-x-auto pb-4 md:-mx-4 md:px-4" data-testid="matrix">
      <div className="space-y-8 md:grid md:auto-cols-[minmax(12rem,1fr)] md:grid-flow-col md:gap-3 md:space-y-0">
        {matrix.columns.map((column) => {
          const coveredCount = column.entries.filter((e) => coveredWithSubtechniques(e) > 0).length;
          return (
            <section
              key={column.id}
              id={column.shortName}
              aria-labelledby={`${column.shortName}-heading`}
              className="scroll-mt-20"
            >
              <h2 id={`${column.shortName}-heading`} className="text-sm font-semibold">
                {column.name}
              </h2>
              <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
                {coveredCount} of {column.entries.length} techniques covered
              </p>
              <ul className="space-y-1.5">
                {column.entries.map((entry) => {
                  const coveredSubs = entry.subtechniques.filter((s) => s.platforms.length > 0).length;
                  return (
                    <li key={entry.id}>
                      <CoverageCell entry={entry} total={total} />
                      {entry.subtechniques.length > 0 && (
                        // Opened when a sub-technique is covered, so coverage is never hidden.
                        <details className="mx-subs" open={coveredSubs > 0}>
                          <summary>
                            {entry.subtechniques.length} sub-techniques
                            {coveredSubs > 0 ? `, ${coveredSubs} covered` : ""}
                          </summary>
                          <ul>
                            {entry.subtechniques.map((sub) => (
                              <li key={sub.id}>
                                <CoverageCell entry={sub} total={total} />
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
