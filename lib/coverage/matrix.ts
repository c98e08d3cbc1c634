// The ATT&CK coverage matrix: the Enterprise tactics as columns, each with its techniques and their
// sub-techniques, and for every entry the platforms on which we publish a detection. Pure: it takes
// the ATT&CK catalogue and our content, so tests can check it against the real bundle.
import type { AttackCatalogue, AttackTechnique } from "@/lib/attack/catalogue-schema";
import type { Catalog } from "@/lib/content/model";

export type MatrixEntry = {
  id: string;
  name: string;
  /** Platforms (ids) with a detection for this technique, restricted to the filter if any. */
  platforms: string[];
  /** True when we have a technique page, even if the platform filter leaves no detection. */
  hasPage: boolean;
  subtechniques: MatrixEntry[];
};

export type MatrixColumn = { id: string; shortName: string; name: string; entries: MatrixEntry[] };

export type CoverageMatrix = {
  attackVersion: string;
  source: AttackCatalogue["source"];
  /** The platforms counted: all of them, or the one the matrix is filtered to. */
  platformIds: string[];
  columns: MatrixColumn[];
};

const current = (t: AttackTechnique) => !t.revoked && !t.deprecated;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function buildMatrix(attack: AttackCatalogue, content: Catalog, platformId?: string): CoverageMatrix {
  const platformIds = platformId ? [platformId] : content.platforms.map((p) => p.id);
  const covered = new Map(
    content.techniques.map((t) => [
      t.id,
      t.detections.map((d) => d.platform).filter((p) => platformIds.includes(p)),
    ]),
  );
  const entry = (t: AttackTechnique, subtechniques: MatrixEntry[] = []): MatrixEntry => ({
    id: t.id,
    name: t.name,
    platforms: covered.get(t.id) ?? [],
    hasPage: covered.has(t.id),
    subtechniques,
  });

  const techniques = attack.techniques.filter(current);
  const columns = attack.tactics.map((tactic) => {
    const inTactic = techniques.filter((t) => t.tactics.includes(tactic.shortName));
    const parents = inTactic.filter((t) => !t.parentId);
    const parentIds = new Set(parents.map((p) => p.id));
    const subsOf = (id: string) =>
      inTactic
        .filter((t) => t.parentId === id)
        .sort(byName)
        .map((s) => entry(s));
    // A sub-technique whose parent is not listed under this tactic still belongs in the column.
    const orphans = inTactic.filter((t) => t.parentId && !parentIds.has(t.parentId)).map((s) => entry(s));
    return {
      ...tactic,
      entries: [...parents.map((p) => entry(p, subsOf(p.id))), ...orphans].sort(byName),
    };
  });
  return { attackVersion: attack.attackVersion, source: attack.source, platformIds, columns };
}

/** Every (tactic, technique) placement, sub-techniques included: what the tests count. */
export function placements(matrix: CoverageMatrix): Array<{ tactic: string; id: string }> {
  return matrix.columns.flatMap((c) =>
    c.entries.flatMap((e) => [e, ...e.subtechniques].map((x) => ({ tactic: c.shortName, id: x.id }))),
  );
}

/** Platforms covered by a technique or any of its sub-techniques (a parent cell's summary). */
export function coveredWithSubtechniques(entry: MatrixEntry): number {
  return new Set([...entry.platforms, ...entry.subtechniques.flatMap((s) => s.platforms)]).size;
}
