// The ATT&CK Navigator layer file format, version 4.5, as documented by MITRE
// (attack-navigator/layers/spec/v4.5/layerformat.md): used to check the layers we export.
import { z } from "zod";

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const metadata = z.array(
  z.union([
    z.strictObject({ name: z.string(), value: z.string() }),
    z.strictObject({ divider: z.boolean() }),
  ]),
);
const links = z.array(
  z.union([
    z.strictObject({ label: z.string(), url: z.string().regex(/^[a-z]+:\/\//) }),
    z.strictObject({ divider: z.boolean() }),
  ]),
);

export const navigatorLayerSchema = z.strictObject({
  versions: z.strictObject({
    attack: z.string().optional(),
    navigator: z.string().regex(/^(4\.(9|\d{2,})|[5-9]\.\d+)\.\d+$/, "must be at least 4.9.0"),
    layer: z.literal("4.5"),
  }),
  name: z.string().min(1),
  description: z.string().optional(),
  domain: z.enum(["enterprise-attack", "mobile-attack", "ics-attack"]),
  customDataURL: z.string().optional(),
  filters: z.strictObject({ platforms: z.array(z.string()) }).optional(),
  sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
  layout: z
    .strictObject({
      layout: z.enum(["side", "flat", "mini"]).optional(),
      showID: z.boolean().optional(),
      showName: z.boolean().optional(),
      showAggregateScores: z.boolean().optional(),
      countUnscored: z.boolean().optional(),
      aggregateFunction: z.enum(["average", "min", "max", "sum"]).optional(),
      expandedSubtechniques: z.enum(["none", "all", "annotated"]).optional(),
    })
    .optional(),
  hideDisabled: z.boolean().optional(),
  techniques: z
    .array(
      z.strictObject({
        techniqueID: z.string().regex(/^T\d{4}(\.\d{3})?$/),
        tactic: z.string().optional(),
        comment: z.string().optional(),
        enabled: z.boolean().optional(),
        score: z.number().optional(),
        color: z.union([hexColor, z.literal("")]).optional(),
        metadata: metadata.optional(),
        links: links.optional(),
        showSubtechniques: z.boolean().optional(),
      }),
    )
    .optional(),
  gradient: z
    .strictObject({ colors: z.array(hexColor).min(2), minValue: z.number(), maxValue: z.number() })
    .refine((g) => g.maxValue > g.minValue, "maxValue must be greater than minValue")
    .optional(),
  legendItems: z.array(z.strictObject({ label: z.string(), color: hexColor })).optional(),
  showTacticRowBackground: z.boolean().optional(),
  tacticRowBackground: hexColor.optional(),
  selectTechniquesAcrossTactics: z.boolean().optional(),
  selectSubtechniquesWithParent: z.boolean().optional(),
  selectVisibleTechniques: z.boolean().optional(),
  metadata: metadata.optional(),
  links: links.optional(),
});
