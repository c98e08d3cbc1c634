// Our own schema for Sigma detection rules, written from the Sigma specification v2.
// Tests also check every rule against the official JSON schema as an independent check.
import { z } from "zod";

const SIGMA_TAG = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;
const SIGMA_DATE = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/;

export const sigmaRuleSchema = z.looseObject({
  title: z.string().min(1).max(256),
  id: z.uuid({ error: "must be a UUID" }),
  status: z.enum(["stable", "test", "experimental", "deprecated", "unsupported"]),
  description: z.string().min(1).max(65535),
  references: z.array(z.url({ error: "must be a URL" })).optional(),
  author: z.string().min(1),
  date: z.string().regex(SIGMA_DATE, "must be a date in YYYY-MM-DD form"),
  modified: z.string().regex(SIGMA_DATE, "must be a date in YYYY-MM-DD form").optional(),
  tags: z
    .array(z.string().regex(SIGMA_TAG, "must be a lower-case namespaced tag such as attack.t1059.001"))
    .min(1),
  logsource: z
    .looseObject({
      category: z.string().optional(),
      product: z.string().optional(),
      service: z.string().optional(),
      definition: z.string().optional(),
    })
    .refine((l) => Boolean(l.category || l.product || l.service), {
      message: "needs at least one of category, product or service",
    }),
  detection: z
    .looseObject({ condition: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]) })
    .refine((d) => Object.keys(d).some((k) => k !== "condition" && k !== "timeframe"), {
      message: "needs at least one search identifier besides condition",
    }),
  falsepositives: z.array(z.string()).optional(),
  level: z.enum(["informational", "low", "medium", "high", "critical"]),
});

export type SigmaRule = z.infer<typeof sigmaRuleSchema>;
