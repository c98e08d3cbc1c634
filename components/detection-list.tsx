import Link from "next/link";
import { SeverityBadge, TechniqueIdBadge } from "@/components/badges";
import type { DetectionEntry } from "@/lib/content/catalog";
import { QUERY_LANGUAGE_LABELS } from "@/lib/highlight/languages";
import { routes } from "@/lib/routes";

/** A compact list of detections, used on the home, platform and related sections. */
export function DetectionList({
  entries,
  showDate = false,
}: {
  entries: DetectionEntry[];
  showDate?: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {entries.map(({ technique, detection, platform }) => (
        <li key={detection.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          <TechniqueIdBadge id={technique.id} />
          <Link
            href={routes.detection(technique.id, platform.id)}
            className="font-medium hover:text-brand-700 hover:underline dark:hover:text-brand-300"
          >
            {technique.name} in {platform.name}
          </Link>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {QUERY_LANGUAGE_LABELS[detection.language]}
          </span>
          <span className="ml-auto flex items-center gap-2">
            {showDate && (
              <span className="text-xs text-slate-600 dark:text-slate-400">updated {detection.updated}</span>
            )}
            <SeverityBadge severity={detection.severity} />
          </span>
        </li>
      ))}
    </ul>
  );
}
