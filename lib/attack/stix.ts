// Reads an ATT&CK Enterprise STIX 2.1 bundle and keeps only what the site needs: tactics in matrix
// order and every technique with its tactics, platforms, data components and detection strategies.
// A small zod-checked reader of five object types rather than a full STIX data model: the site uses a
// sliver of the bundle, and a malformed bundle must fail the sync with the object and field at fault.
import { z } from "zod";
import type { AttackCatalogue, AttackTechnique } from "@/lib/attack/catalogue-schema";

const externalRefs = z
  .array(
    z.object({ source_name: z.string(), external_id: z.string().optional(), url: z.string().optional() }),
  )
  .default([]);

const stixObject = z.looseObject({ type: z.string(), id: z.string() });
const bundleSchema = z.object({ type: z.literal("bundle"), objects: z.array(stixObject) });

const matrixSchema = z.looseObject({ tactic_refs: z.array(z.string()).min(1) });
const tacticSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  x_mitre_shortname: z.string(),
  external_references: externalRefs,
});
const techniqueSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
  x_mitre_is_subtechnique: z.boolean().optional(),
  x_mitre_platforms: z.array(z.string()).default([]),
  kill_chain_phases: z.array(z.object({ kill_chain_name: z.string(), phase_name: z.string() })).default([]),
  external_references: externalRefs,
});
const strategySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  x_mitre_analytic_refs: z.array(z.string()).default([]),
  external_references: externalRefs,
  revoked: z.boolean().optional(),
  x_mitre_deprecated: z.boolean().optional(),
});
const analyticSchema = z.looseObject({
  id: z.string(),
  x_mitre_log_source_references: z.array(z.object({ x_mitre_data_component_ref: z.string() })).default([]),
});
const relationshipSchema = z.looseObject({
  relationship_type: z.string(),
  source_ref: z.string(),
  target_ref: z.string(),
  revoked: z.boolean().optional(),
});

export class AttackBundleError extends Error {}

function parseObject<T>(schema: z.ZodType<T>, object: { id: string }, what: string): T {
  const result = schema.safeParse(object);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AttackBundleError(
    `${what} ${object.id}: ${issue.path.join(".") || "(object)"}: ${issue.message}`,
  );
}

const attackId = (refs: z.infer<typeof externalRefs>) => refs.find((r) => r.source_name === "mitre-attack");

/** The first paragraph without ATT&CK's citation markers, for cards and tooltips. */
function summary(description: string): string {
  const first = description.split(/\n\s*\n/)[0] ?? "";
  return first
    .replace(/\(Citation:[^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function readAttackBundle(json: unknown, version: string): AttackCatalogue {
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) throw new AttackBundleError(`not a STIX bundle: ${parsed.error.issues[0]!.message}`);
  const byType = (type: string) => parsed.data.objects.filter((o) => o.type === type);
  const byId = new Map(parsed.data.objects.map((o) => [o.id, o]));

  const matrices = byType("x-mitre-matrix");
  if (matrices.length !== 1)
    throw new AttackBundleError(`expected one x-mitre-matrix, found ${matrices.length}`);
  const matrix = parseObject(matrixSchema, matrices[0]!, "matrix");
  const tactics = matrix.tactic_refs.map((ref) => {
    const object = byId.get(ref);
    if (!object) throw new AttackBundleError(`matrix: tactic_refs: ${ref} is not in the bundle`);
    const tactic = parseObject(tacticSchema, object, "tactic");
    const ref_ = attackId(tactic.external_references);
    if (!ref_?.external_id) throw new AttackBundleError(`tactic ${ref}: external_references: no ATT&CK id`);
    return { id: ref_.external_id, shortName: tactic.x_mitre_shortname, name: tactic.name };
  });

  const componentNames = new Map(
    byType("x-mitre-data-component").map((o) => [o.id, String((o as { name?: unknown }).name ?? "")]),
  );
  const analyticComponents = new Map(
    byType("x-mitre-analytic").map((o) => {
      const a = parseObject(analyticSchema, o, "analytic");
      return [a.id, a.x_mitre_log_source_references.map((r) => r.x_mitre_data_component_ref)];
    }),
  );
  const strategies = new Map(
    byType("x-mitre-detection-strategy").map((o) => [
      o.id,
      parseObject(strategySchema, o, "detection strategy"),
    ]),
  );
  const detects = new Map<string, string[]>();
  for (const o of byType("relationship")) {
    const r = parseObject(relationshipSchema, o, "relationship");
    if (r.relationship_type !== "detects" || r.revoked || !strategies.has(r.source_ref)) continue;
    detects.set(r.target_ref, [...(detects.get(r.target_ref) ?? []), r.source_ref]);
  }

  const techniques: AttackTechnique[] = [];
  for (const o of byType("attack-pattern")) {
    const t = parseObject(techniqueSchema, o, "technique");
    const ref = attackId(t.external_references);
    if (!ref?.external_id) continue; // objects of other domains carry no ATT&CK id
    const strategyObjects = (detects.get(t.id) ?? []).map((id) => strategies.get(id)!);
    const components = new Set(
      strategyObjects.flatMap((s) =>
        s.x_mitre_analytic_refs.flatMap((a) =>
          (analyticComponents.get(a) ?? []).map((c) => componentNames.get(c) ?? ""),
        ),
      ),
    );
    components.delete("");
    techniques.push({
      id: ref.external_id,
      name: t.name,
      description: summary(t.description),
      parentId: t.x_mitre_is_subtechnique ? ref.external_id.split(".")[0]! : undefined,
      tactics: t.kill_chain_phases
        .filter((k) => k.kill_chain_name === "mitre-attack")
        .map((k) => k.phase_name),
      platforms: t.x_mitre_platforms,
      dataComponents: [...components].sort(),
      detectionStrategies: strategyObjects
        .map((s) => ({ id: attackId(s.external_references)?.external_id ?? s.id, name: s.name }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      revoked: t.revoked === true,
      deprecated: t.x_mitre_deprecated === true,
    });
  }
  techniques.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
  return { source: "bundle", attackVersion: version, tactics, techniques };
}

/** "enterprise-attack-18.1.json" -> "18.1"; undefined when the file name does not say. */
export function versionFromFileName(file: string): string | undefined {
  return /enterprise-attack-(\d+\.\d+)\.json$/.exec(file)?.[1];
}
