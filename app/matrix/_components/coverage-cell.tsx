import { attackUrl } from "@/lib/attack/tactics";
import type { MatrixEntry } from "@/lib/coverage/matrix";
import { routes } from "@/lib/routes";

// Heat steps by share of platforms covered. The count is always printed beside the colour.
function heat(covered: number, total: number): string {
  if (covered === 0) return "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950";
  const share = covered / total;
  if (share <= 1 / 3) return "border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950";
  if (share <= 2 / 3) return "border-sky-400 bg-sky-100 dark:border-sky-700 dark:bg-sky-900";
  return "border-sky-600 bg-sky-200 dark:border-sky-500 dark:bg-sky-800";
}

/** One technique or sub-technique: name, id, and "n/total" platforms, linking to us or to ATT&CK. */
export function CoverageCell({ entry, total }: { entry: MatrixEntry; total: number }) {
  const covered = entry.platforms.length;
  const href = entry.hasPage ? routes.technique(entry.id) : attackUrl(entry.id);
  return (
    <a
      href={href}
      data-testid="matrix-cell"
      data-technique={entry.id}
      data-covered={covered}
      className={`flex items-start justify-between gap-2 rounded border px-2 py-1.5 text-xs leading-snug hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 ${heat(covered, total)}`}
      {...(entry.hasPage ? {} : { rel: "noopener", target: "_blank" })}
    >
      <span>
        <span className="block font-medium">{entry.name}</span>
        <span className="font-mono text-[0.7rem] text-slate-600 dark:text-slate-400">
          {entry.id}
          {entry.hasPage ? "" : " · on ATT&CK"}
          {entry.hasPage ? "" : <span className="sr-only"> (opens in a new tab)</span>}
        </span>
      </span>
      <span className="shrink-0 font-mono font-semibold" aria-label={`${covered} of ${total} platforms`}>
        {covered}/{total}
      </span>
    </a>
  );
}
