// How a detection is deployed on its platform (frontmatter `deployment`), with the settings the
// vendor's rule form asks for. Durations are written like "5m", "4h", "14d"; the vendor limits are
// checked in lib/verify/deployment/, not here, so the schema only rejects malformed values.
import { z } from "zod";

const DURATION = /^(\d+)(s|m|h|d)$/;
const duration = z.string().regex(DURATION, 'must be a duration such as "5m", "4h" or "14d"');

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration such as "5m"; NaN when it is not one. */
export function durationMs(value: string): number {
  const m = DURATION.exec(value);
  if (!m) return Number.NaN;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** Defender XDR custom detection frequencies; "0" is Continuous (NRT). */
export const DEFENDER_FREQUENCIES = ["0", "1h", "3h", "12h", "24h"] as const;
export const SECOPS_RUN_FREQUENCIES = ["live", "10m", "1h", "24h"] as const;
export const ELASTIC_RULE_TYPES = ["eql", "esql", "query", "threshold"] as const;

export const deploymentSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("defender-custom-detection"), frequency: z.enum(DEFENDER_FREQUENCIES) }),
  z.strictObject({ kind: z.literal("sentinel-scheduled"), queryFrequency: duration, queryPeriod: duration }),
  z.strictObject({
    kind: z.literal("elastic-rule"),
    type: z.enum(ELASTIC_RULE_TYPES),
    interval: duration,
    /** Additional look-back beyond the interval (the rule's `from` is now-(interval+lookback)). */
    lookback: duration,
  }),
  z.strictObject({
    kind: z.literal("splunk-scheduled-search"),
    cron: z.string().regex(/^\S+( \S+){4}$/, "must be a five-field cron expression"),
    earliest: z
      .string()
      .regex(/^(-\d+[smhdw](@[smhdw])?|rt.*|0)$/, 'must be a relative time such as "-20m@m"'),
    latest: z
      .string()
      .regex(/^(now|-\d+[smhdw](@[smhdw])?)$/, 'must be "now" or a relative time such as "-5m@m"'),
  }),
  z.strictObject({ kind: z.literal("secops-rule"), runFrequency: z.enum(SECOPS_RUN_FREQUENCIES) }),
  z.strictObject({
    kind: z.literal("logscale-scheduled-search"),
    interval: duration,
    searchWindow: duration,
  }),
]);

export type Deployment = z.infer<typeof deploymentSchema>;
export type DeploymentKind = Deployment["kind"];

/** The one deployment kind each platform's detections use. */
export const DEPLOYMENT_KIND_BY_PLATFORM: Record<string, DeploymentKind> = {
  "defender-xdr": "defender-custom-detection",
  sentinel: "sentinel-scheduled",
  elastic: "elastic-rule",
  splunk: "splunk-scheduled-search",
  secops: "secops-rule",
  logscale: "logscale-scheduled-search",
};

/** Look-back of each Defender frequency, as Microsoft's custom detection docs list them. */
export const DEFENDER_LOOKBACK: Record<(typeof DEFENDER_FREQUENCIES)[number], string | undefined> = {
  "0": undefined,
  "1h": "4h",
  "3h": "12h",
  "12h": "48h",
  "24h": "30d",
};
