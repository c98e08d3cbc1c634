// Runs every content quality check and groups the problems by technique, for the
// `content:quality` CLI (and the report the team fixes content from). The vitest suite runs the
// same checks one by one, so a failure names the technique and the check.
import type { ContentIssue } from "@/lib/content/errors";
import { ContentError } from "@/lib/content/errors";
import { loadContent } from "@/lib/content/load";
import { checkAtomic, loadAtomicIndex } from "@/lib/verify/atomic";
import { checkAttack, loadAttack } from "@/lib/verify/attack";
import { checkQueries } from "@/lib/verify/check-queries";
import { readCorpus } from "@/lib/verify/corpus";
import { collectQueries } from "@/lib/verify/extract";
import { kustoGlobals, loadKustoTables } from "@/lib/verify/kusto/tables";
import { checkLinks } from "@/lib/verify/links";
import { checkDuplicateProse } from "@/lib/verify/prose";
import { checkSamples } from "@/lib/verify/samples";
import { checkSections } from "@/lib/verify/sections";
import { checkSigma, checkUniqueIds, officialSigmaValidator } from "@/lib/verify/sigma";

export const CHECK_NAMES = [
  "loader",
  "attack",
  "sigma",
  "samples",
  "queries",
  "sections",
  "prose",
  "links",
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
export type NamedIssue = ContentIssue & { check: CheckName };

function techniqueOf(file: string): string {
  return /^techniques\/([^/]+)\//.exec(file)?.[1] ?? "(registry)";
}

export function runQualityChecks(contentDir: string, only: string[] = []): Map<string, NamedIssue[]> {
  const issues: NamedIssue[] = [];
  const add = (check: CheckName, list: ContentIssue[]) => issues.push(...list.map((i) => ({ ...i, check })));
  try {
    loadContent(contentDir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    add("loader", error.issues);
  }
  // Prose and ids are compared across the whole corpus even when only some techniques are reported.
  const all = readCorpus(contentDir);
  add("loader", all.issues);
  const attack = loadAttack();
  const atomics = loadAtomicIndex();
  const official = officialSigmaValidator();
  const globals = kustoGlobals(loadKustoTables(contentDir));
  for (const t of all.techniques) {
    add("attack", checkAttack(t, attack));
    add("attack", checkAtomic(t, atomics));
    add("sigma", checkSigma(t, official));
    add("samples", checkSamples(t));
    add("sections", checkSections(t, all.platforms));
    add("links", checkLinks(t, all));
    add(
      "queries",
      checkQueries(collectQueries(contentDir, [t.id]), { kustoGlobals: globals }).map((r) => ({
        file: r.file,
        field: `${r.field} line ${r.line}:${r.column} [${r.language}]`,
        reason: r.message,
      })),
    );
  }
  add("sigma", checkUniqueIds(all.techniques));
  add("prose", checkDuplicateProse(all.techniques));

  const seen = new Set<string>();
  const grouped = new Map<string, NamedIssue[]>();
  for (const issue of issues) {
    const key = `${issue.file}\0${issue.field}\0${issue.reason}`;
    const technique = techniqueOf(issue.file);
    if (seen.has(key) || (only.length > 0 && !only.includes(technique))) continue;
    seen.add(key);
    grouped.set(technique, [...(grouped.get(technique) ?? []), issue]);
  }
  return grouped;
}
