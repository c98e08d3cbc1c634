// The generated ATT&CK catalogue (`.data/attack/enterprise.json`): what the matrix, the Navigator
// layers and the search need from ATT&CK, and nothing else.
import { z } from "zod";

export const attackTechniqueSchema = z.strictObject({
  id: z.string().regex(/^T\d{4}(\.\d{3})?$/),
  name: z.string(),
  description: z.string(),
  parentId: z.string().optional(),
  tactics: z.array(z.string()),
  platforms: z.array(z.string()),
  dataComponents: z.array(z.string()),
  detectionStrategies: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  revoked: z.boolean(),
  deprecated: z.boolean(),
});

export const attackCatalogueSchema = z.strictObject({
  /** "bundle" when synced from ATT&CK; "content" when built from our own content as a fallback. */
  source: z.enum(["bundle", "content"]),
  attackVersion: z.string(),
  tactics: z.array(z.strictObject({ id: z.string(), shortName: z.string(), name: z.string() })),
  techniques: z.array(attackTechniqueSchema),
});

export type AttackTechnique = z.infer<typeof attackTechniqueSchema>;
export type AttackCatalogue = z.infer<typeof attackCatalogueSchema>;
