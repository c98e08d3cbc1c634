import type { ProSectionId, ProSectionInfo } from "@/lib/content/schema";

/**
 * Locked cards: what each Pro section holds for this technique, never the section itself.
 * Built only from the public registry text and the list of sections that exist.
 */
export function ProTeasers({
  techniqueId,
  sections,
  available,
}: {
  techniqueId: string;
  sections: ProSectionInfo[];
  available: ProSectionId[];
}) {
  const shown = sections.filter((s) => available.includes(s.id));
  if (shown.length === 0) return null;
  return (
    <div data-testid="pro-teasers">
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        The full response package for {techniqueId} is part of Detection Atlas Pro.
      </p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {shown.map((s) => (
          <li key={s.id} className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900">
            <h3 className="flex items-center gap-2 font-medium">
              <span aria-hidden="true">🔒</span>
              {s.name}
              <span className="ml-auto rounded bg-brand-600 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase">Pro</span>
            </h3>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{s.contains}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
