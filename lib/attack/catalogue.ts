// The ATT&CK catalogue the matrix, Navigator layers and search read: the file `npm run attack:sync`
// generates, or, when it has not been run, a catalogue made from what our content says (so the build
// never depends on a download). Pages show which one they used.
import fs from "node:fs";
import path from "node:path";
import { attackCatalogueSchema, type AttackCatalogue } from "@/lib/attack/catalogue-schema";
import { TACTICS } from "@/lib/attack/tactics";
import type { Catalog } from "@/lib/content/model";

export function attackCataloguePath(): string {
  const configured = process.env.ATTACK_CATALOGUE;
  return configured
    ? path.resolve(/*turbopackIgnore: true*/ configured)
    : path.join(process.cwd(), ".data", "attack", "enterprise.json");
}

export function catalogueFromContent(content: Catalog): AttackCatalogue {
  return {
    source: "content",
    attackVersion: content.techniques[0]?.attack_version ?? "unknown",
    tactics: TACTICS.map((t) => ({ id: t.id, shortName: t.shortName, name: t.name })),
    techniques: content.techniques.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      parentId: t.parent,
      tactics: [...t.tactics],
      platforms: [],
      dataComponents: [],
      detectionStrategies: [],
      revoked: false,
      deprecated: false,
    })),
  };
}

/** Reads the synced catalogue; a corrupt file is an error naming it, a missing one falls back. */
export function loadAttackCatalogue(content: Catalog, file = attackCataloguePath()): AttackCatalogue {
  if (!fs.existsSync(file)) return catalogueFromContent(content);
  const parsed = attackCatalogueSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join(".")}: ${issue.message} (run npm run attack:sync again)`);
  }
  return parsed.data;
}
