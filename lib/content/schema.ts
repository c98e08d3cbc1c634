// Zod schemas for every file in content/. Field names here are the ones content/README.md documents.
import { z } from "zod";
import { TACTIC_SHORT_NAMES } from "@/lib/attack/tactics";
import { TECHNIQUE_ID_PATTERN } from "@/lib/attack/technique-id";
import { DEPLOYMENT_KIND_BY_PLATFORM, deploymentSchema } from "@/lib/content/deployment";

const isoDate = z.iso.date({ error: "must be a date in YYYY-MM-DD form" });
const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, hyphens)");
const techniqueId = z
  .string()
  .regex(TECHNIQUE_ID_PATTERN, "must be an ATT&CK technique id such as T1059 or T1059.001");
const uuid = z.uuid({ error: "must be a UUID" });
const text = z.string().trim().min(1, "must not be empty");

export const LANGUAGES = ["eql", "esql", "spl", "kql", "yara-l", "logscale"] as const;
export type QueryLanguage = (typeof LANGUAGES)[number];

export const SEVERITIES = ["informational", "low", "medium", "high", "critical"] as const;
export const CONFIDENCES = ["low", "medium", "high"] as const;
export const PRO_SECTIONS = [
  "response-playbook",
  "investigation-guide",
  "hunting-queries",
  "test-commands",
  "tuning-guidance",
] as const;
export type ProSectionId = (typeof PRO_SECTIONS)[number];

export const EXECUTOR_PLATFORMS = [
  "windows",
  "linux",
  "macos",
  "azure",
  "aws",
  "gcp",
  "m365",
  "entra-id",
  "saas",
] as const;

export const platformSchema = z.strictObject({
  id: kebabId,
  name: text,
  vendor: text,
  languages: z.array(z.enum(LANGUAGES)).min(1),
});
export const platformRegistrySchema = z.array(platformSchema).min(1);

export const dataSourceSchema = z.strictObject({
  id: kebabId,
  name: text,
  vendor: text,
  kind: z.enum(["endpoint", "identity", "cloud", "network", "email", "saas", "application"]),
  attack_data_component: text,
});

export const proSectionInfoSchema = z.strictObject({
  id: z.enum(PRO_SECTIONS),
  name: text,
  contains: text,
});
export const proSectionRegistrySchema = z.array(proSectionInfoSchema).length(PRO_SECTIONS.length);

const atomicRefSchema = z.strictObject({
  technique: techniqueId,
  number: z.number().int().positive(),
  guid: uuid,
  name: text,
});

export const techniqueTestSchema = z.strictObject({
  id: kebabId,
  name: text,
  executor_platform: z.enum(EXECUTOR_PLATFORMS),
  behaviour: text,
  telemetry: z.array(text).min(1),
  atomic: atomicRefSchema.optional(),
});

/** Tuning for the portable rule: a Sigma selection to add as `filter_<name>` and `and not` in the condition. */
export const sigmaFilterSchema = z.strictObject({
  advice: text,
  filter: text,
});

const sampleEventSchema = z.strictObject({
  name: text,
  description: text,
  /** One event, in the field names of the Sigma rule's log source (nested objects allowed). */
  event: z.record(z.string(), z.unknown()).refine((e) => Object.keys(e).length > 0, "must not be empty"),
});

/** samples.yml: events that prove the Sigma rule fires on the attack and stays quiet on look-alikes. */
export const samplesSchema = z.strictObject({
  true_positives: z.array(sampleEventSchema).min(2, "needs at least two true-positive events"),
  benign: z.array(sampleEventSchema).min(2, "needs at least two benign look-alike events"),
});

/** The review checklist in content/README.md ("Review checklist v1"); bump when it changes. */
export const REVIEW_CHECKLIST_VERSION = 1;

const reviewSchema = z.strictObject({
  date: isoDate,
  checklist: z
    .number()
    .int()
    .min(1)
    .max(REVIEW_CHECKLIST_VERSION, `no checklist after v${REVIEW_CHECKLIST_VERSION} exists yet`),
  /** Who reviewed (a role or helper name): someone other than the page's writer. */
  reviewer: text,
});

export const techniqueFrontmatterSchema = z
  .strictObject({
    id: techniqueId,
    name: text,
    parent: techniqueId.optional(),
    parent_name: text.optional(),
    tactics: z.array(z.enum(TACTIC_SHORT_NAMES)).min(1),
    attack_version: z.string().regex(/^\d+\.\d+$/, "must be an ATT&CK version such as 18.1"),
    description: text.max(300, "must be at most 300 characters (it is the meta description)"),
    created: isoDate,
    updated: isoDate,
    related: z.array(techniqueId).default([]),
    platform_gaps: z.array(z.strictObject({ platform: kebabId, reason: text })).default([]),
    tests: z.array(techniqueTestSchema).min(2, "needs at least two tests"),
    sigma_filters: z.array(sigmaFilterSchema).default([]),
    review: reviewSchema,
  })
  .superRefine((t, ctx) => {
    const isSub = t.id.includes(".");
    if (isSub && (!t.parent || !t.parent_name))
      ctx.addIssue({
        code: "custom",
        path: ["parent"],
        message: "sub-techniques need parent and parent_name",
      });
    if (isSub && t.parent && !t.id.startsWith(`${t.parent}.`))
      ctx.addIssue({ code: "custom", path: ["parent"], message: `must be the parent of ${t.id}` });
    if (!isSub && t.parent)
      ctx.addIssue({ code: "custom", path: ["parent"], message: "only sub-techniques have a parent" });
    if (t.updated < t.created)
      ctx.addIssue({ code: "custom", path: ["updated"], message: "must not be before created" });
    if (t.review && t.review.date < t.created)
      ctx.addIssue({ code: "custom", path: ["review", "date"], message: "must not be before created" });
    const seen = new Set<string>();
    t.tests.forEach((test, i) => {
      if (seen.has(test.id))
        ctx.addIssue({ code: "custom", path: ["tests", i, "id"], message: `duplicate test id "${test.id}"` });
      seen.add(test.id);
    });
  });

const changelogEntrySchema = z.strictObject({
  version: z.number().int().positive(),
  date: isoDate,
  note: text,
});

export const detectionFrontmatterSchema = z
  .strictObject({
    id: uuid,
    technique: techniqueId,
    platform: kebabId,
    language: z.enum(LANGUAGES),
    name: text,
    severity: z.enum(SEVERITIES),
    severity_reason: text,
    confidence: z.enum(CONFIDENCES),
    confidence_reason: text,
    version: z.number().int().positive(),
    created: isoDate,
    updated: isoDate,
    changelog: z.array(changelogEntrySchema).min(1),
    data_sources: z.array(kebabId).min(1),
    required_tables: z.array(text).min(1),
    deployment: deploymentSchema,
    false_positives: z.array(text).min(1),
    tuning: z.array(z.strictObject({ advice: text, exclusion: text.optional() })).min(1),
    query: text,
  })
  .superRefine((d, ctx) => {
    if (d.updated < d.created)
      ctx.addIssue({ code: "custom", path: ["updated"], message: "must not be before created" });
    const kind = DEPLOYMENT_KIND_BY_PLATFORM[d.platform];
    if (kind && d.deployment.kind !== kind)
      ctx.addIssue({
        code: "custom",
        path: ["deployment", "kind"],
        message: `a ${d.platform} detection deploys as ${kind}, not ${d.deployment.kind}`,
      });
    const latest = Math.max(...d.changelog.map((c) => c.version));
    if (latest !== d.version)
      ctx.addIssue({
        code: "custom",
        path: ["changelog"],
        message: `must have an entry for the current version ${d.version}`,
      });
  });

export const proFrontmatterSchema = z.strictObject({
  section: z.enum(PRO_SECTIONS),
  technique: techniqueId,
  updated: isoDate,
});

export type PlatformInfo = z.infer<typeof platformSchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type ProSectionInfo = z.infer<typeof proSectionInfoSchema>;
export type TechniqueFrontmatter = z.infer<typeof techniqueFrontmatterSchema>;
export type TechniqueTest = z.infer<typeof techniqueTestSchema>;
export type Samples = z.infer<typeof samplesSchema>;
export type SampleEvent = Samples["true_positives"][number];
export type DetectionFrontmatter = z.infer<typeof detectionFrontmatterSchema>;
