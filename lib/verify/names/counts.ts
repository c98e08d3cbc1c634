// Per-platform totals the verify runner prints: queries checked, names resolved, unknown names.
import type { QueryItem } from "@/lib/verify/extract";
import type { NamePlatform, Registry } from "@/lib/verify/names/registry";
import { PLATFORM_OF, resolveNames } from "@/lib/verify/names/resolve";

export type NameCounts = Record<
  NamePlatform,
  { queries: number; checked: number; resolved: number; unknown: number }
>;

/** What the runner prints per platform: queries checked, names resolved, unknown names. */
export function nameCounts(queries: QueryItem[], registries: Record<NamePlatform, Registry>): NameCounts {
  const counts = Object.fromEntries(
    Object.keys(registries).map((p) => [p, { queries: 0, checked: 0, resolved: 0, unknown: 0 }]),
  ) as NameCounts;
  for (const query of queries) {
    const result = resolveNames(query, registries[PLATFORM_OF[query.language]]);
    const c = counts[result.platform];
    c.queries++;
    c.checked += result.checked;
    c.resolved += result.resolved;
    c.unknown += result.unknown.length;
  }
  return counts;
}
