import Link from "next/link";
import { routes } from "@/lib/routes";

const SEVERITY_STYLE: Record<string, string> = {
  informational:
    "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  low: "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  medium:
    "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  high: "bg-orange-50 text-orange-900 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  critical: "bg-red-50 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
};

const base = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

/** Severity is spelled out, never conveyed by colour alone. */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className={`${base} ${SEVERITY_STYLE[severity] ?? SEVERITY_STYLE.informational}`}>
      {severity} severity
    </span>
  );
}

export function ConfidenceBadge({ confidence }: { confidence: string }) {
  return (
    <span
      className={`${base} bg-slate-50 text-slate-800 ring-slate-300 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700`}
    >
      {confidence} confidence
    </span>
  );
}

export function TechniqueIdBadge({ id }: { id: string }) {
  return (
    <span
      className={`${base} bg-brand-50 font-mono text-brand-700 ring-brand-100 dark:bg-slate-900 dark:text-brand-300 dark:ring-slate-700`}
    >
      {id}
    </span>
  );
}

export function PlatformBadge({ id, name }: { id: string; name: string }) {
  return (
    <Link
      href={routes.platform(id)}
      className={`${base} bg-white text-slate-800 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700`}
    >
      {name}
    </Link>
  );
}
