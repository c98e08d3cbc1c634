import { attackUrl } from "@/lib/attack/tactics";
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
                  const coveredSubs = entry.subtechniques.filter((s) => s.platforms.length > 0);
                  const uncoveredSubs = entry.subtechniques.length - coveredSubs.length;
                  return (
                    <li key={entry.id}>
                      <CoverageCell entry={entry} total={total} />
                      {entry.subtechniques.length > 0 && (
                        <div className="mx-subs">
                          {coveredSubs.length > 0 && (
                            <ul>
                              {coveredSubs.map((sub) => (
                                <li key={sub.id}>
                                  <CoverageCell entry={sub} total={total} />
                                </li>
                              ))}
                            </ul>
                          )}
                          {uncoveredSubs > 0 && (
                            // Uncovered sub-techniques are counted, not listed: ~600 cells of "0/6"
                            // doubled the page (HTML and its React payload). ATT&CK lists them; the
                            // gaps layer names each one.
                            <a href={attackUrl(entry.id)} rel="noopener" target="_blank">
                              {uncoveredSubs} of {entry.subtechniques.length} sub-techniques not covered
                              <span className="sr-only"> (list on ATT&CK, opens in a new tab)</span>
                            </a>
                          )}
                        </div>
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
