// Response schemas of the JSON API v1. They validate every response before it is sent and
// generate the OpenAPI document (lib/api/openapi.ts), so the two cannot drift apart.
import { z } from "zod";
import { TACTIC_SHORT_NAMES } from "@/lib/attack/tactics";
import { deploymentSchema } from "@/lib/content/deployment";
import { CONFIDENCES, LANGUAGES, PRO_SECTIONS, SEVERITIES } from "@/lib/content/schema";

const isoDate = z.iso.date();
const url = z.url();

export const metaSchema = z.strictObject({
  apiVersion: z.literal("1"),
  licence: z.strictObject({
    rules: z.strictObject({ id: z.string(), name: z.string(), url }),
    content: z.strictObject({ id: z.string(), name: z.string(), url }),
    pro: z.string(),
  }),
  /** Whether Pro sections were included: true only for a Pro API key. */
  pro: z.boolean(),
});

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum([
      "invalid_parameter",
      "invalid_cursor",
      "invalid_key",
      "authentication_required",
      "pro_required",
      "not_found",
      "method_not_allowed",
      "request_too_large",
      "rate_limited",
      "internal_error",
      "service_unavailable",
    ]),
    message: z.string(),
  }),
});
export type ErrorCode = z.infer<typeof errorSchema>["error"]["code"];

const proSectionSchema = z.strictObject({
  id: z.enum(PRO_SECTIONS),
  name: z.string(),
  /** Markdown source of the section. */
  markdown: z.string(),
});

export const techniqueSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  tactics: z.array(z.enum(TACTIC_SHORT_NAMES)),
  attackVersion: z.string(),
  description: z.string(),
  created: isoDate,
  /** The latest of the technique's and its detections' update dates. */
  updated: isoDate,
  platforms: z.array(z.string()),
  url,
  apiUrl: url,
});

export const detectionSummarySchema = z.strictObject({
  id: z.uuid(),
  technique: z.string(),
  platform: z.string(),
  language: z.enum(LANGUAGES),
  name: z.string(),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  version: z.number().int(),
  created: isoDate,
  updated: isoDate,
  dataSources: z.array(z.string()),
  url,
  apiUrl: url,
});

const sigmaSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  url,
  /** The rule file exactly as published. */
  source: z.string(),
});

export const detectionSchema = detectionSummarySchema.extend({
  severityReason: z.string(),
  confidenceReason: z.string(),
  query: z.string(),
  requiredTables: z.array(z.string()),
  deployment: deploymentSchema,
  dataSourceDetails: z.array(
    z.strictObject({ id: z.string(), name: z.string(), vendor: z.string(), kind: z.string() }),
  ),
  falsePositives: z.array(z.string()),
  tuning: z.array(z.strictObject({ advice: z.string(), exclusion: z.string().nullable() })),
  changelog: z.array(z.strictObject({ version: z.number().int(), date: isoDate, note: z.string() })),
  sigma: sigmaSchema,
  /** Names of the Pro sections that exist for the technique (bodies only for Pro keys). */
  proSections: z.array(z.enum(PRO_SECTIONS)),
  pro: z.array(proSectionSchema).optional(),
});

export const techniqueSchema = techniqueSummarySchema.extend({
  related: z.array(z.string()),
  platformGaps: z.array(z.strictObject({ platform: z.string(), reason: z.string() })),
  sigma: sigmaSchema,
  detections: z.array(detectionSummarySchema),
  proSections: z.array(z.enum(PRO_SECTIONS)),
  pro: z.array(proSectionSchema).optional(),
});

function single<T extends z.ZodType>(data: T) {
  return z.strictObject({ data, meta: metaSchema });
}
function page<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
    meta: metaSchema,
  });
}

export const techniqueListResponse = page(techniqueSummarySchema);
export const detectionListResponse = page(detectionSummarySchema);
export const techniqueResponse = single(techniqueSchema);
export const detectionResponse = single(detectionSchema);

/** The named schemas of the OpenAPI document (components.schemas), shared ones referenced by name. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();
apiSchemas.add(metaSchema, {
  id: "Meta",
  description: "API version, licences, and whether Pro was included.",
});
apiSchemas.add(errorSchema, { id: "Error" });
apiSchemas.add(techniqueSummarySchema, { id: "TechniqueSummary" });
apiSchemas.add(detectionSummarySchema, { id: "DetectionSummary" });
apiSchemas.add(techniqueSchema, { id: "Technique" });
apiSchemas.add(detectionSchema, { id: "Detection" });
apiSchemas.add(techniqueListResponse, { id: "TechniqueList" });
apiSchemas.add(detectionListResponse, { id: "DetectionList" });
apiSchemas.add(techniqueResponse, { id: "TechniqueResponse" });
apiSchemas.add(detectionResponse, { id: "DetectionResponse" });

export type Meta = z.infer<typeof metaSchema>;
export type TechniqueSummaryDto = z.infer<typeof techniqueSummarySchema>;
export type TechniqueDto = z.infer<typeof techniqueSchema>;
export type DetectionSummaryDto = z.infer<typeof detectionSummarySchema>;
export type DetectionDto = z.infer<typeof detectionSchema>;
export type ProSectionDto = z.infer<typeof proSectionSchema>;
