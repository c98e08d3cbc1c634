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
          <li
            key={s.id}
            className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <h3 className="flex items-center gap-2 font-medium">
              <LockIcon />
              {s.name}
              <ProBadge className="ml-auto" />
            </h3>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{s.contains}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LockIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="h-4 w-4 fill-current text-slate-500 dark:text-slate-400"
    >
      <path d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
    </svg>
  );
}

/** The small "Pro" pill shown beside a Pro section's name, locked or unlocked. */
export function ProBadge({ className = "" }: { className?: string }) {
  return (
    <span
      className={`rounded bg-brand-600 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase ${className}`}
    >
      Pro
    </span>
  );
}
