import { CodeBlock } from "@/components/code-block";
import type { TechniqueFrontmatter } from "@/lib/content/schema";

/** The selection's name (filter_<name>), so the advice can say exactly what to add to the condition. */
function filterName(filter: string): string | undefined {
  return /^\s*(filter_[A-Za-z0-9_]+)\s*:/m.exec(filter)?.[1];
}

/** Tuning for the portable rule: advice plus a Sigma selection to exclude with `and not`. */
export function SigmaFilters({
  filters,
  condition,
}: {
  filters: TechniqueFrontmatter["sigma_filters"];
  /** The rule's current condition, so the advice shows the exact line to paste. */
  condition: string;
}) {
  return (
    <div className="mt-6" data-testid="sigma-filters">
      <h3 className="font-semibold">Tuning the rule</h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Add a filter to the rule&apos;s <code>detection</code> block, then exclude it in the condition.
      </p>
      <ul className="mt-3 space-y-4">
        {filters.map((f, i) => {
          const name = filterName(f.filter);
          return (
            <li key={i} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <p className="text-sm leading-relaxed">{f.advice}</p>
              <CodeBlock code={f.filter} language="yaml" label="Sigma filter (YAML)" />
              {name && (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Then set the condition to{" "}
                  <code className="font-mono">{`condition: (${condition}) and not ${name}`}</code>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
