// content/techniques/<ID>/platform-samples/<platform>.yml: a detection's true-positive and benign
// events in its platform's own shape (issue 14). Validated here; the loader injects each event's
// id as `__sample` so evaluators can report per event.
import { z } from "zod";

export const SAMPLE_ID_FIELD = "__sample";

const text = z.string().trim().min(1, "must not be empty");
const sampleId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case, e.g. tp-1");

const platformEventSchema = z.strictObject({
  id: sampleId,
  name: text,
  description: text.optional(),
  /** Which samples.yml event this mirrors (by name). */
  from: text.optional(),
  /** The source (table, sourcetype, index) this event belongs to; default: the file's `shape`. */
  source: text.optional(),
  /** Events of one multi-event scenario (joins, thresholds) share a scenario name. */
  scenario: text.optional(),
  event: z
    .record(z.string(), z.unknown())
    .refine((e) => Object.keys(e).length > 0, "must not be empty")
    .refine((e) => !(SAMPLE_ID_FIELD in e), `must not set ${SAMPLE_ID_FIELD} (the loader sets it from id)`),
});

export const platformSamplesSchema = z
  .strictObject({
    shape: text,
    now: z.iso.datetime({ error: "must be an ISO 8601 UTC time such as 2026-11-29T12:00:00Z" }),
    sources: z.array(text).min(1).optional(),
    true_positives: z.array(platformEventSchema).min(1, "needs at least one true-positive event"),
    benign: z.array(platformEventSchema).min(1, "needs at least one benign event"),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    const sources = new Set(s.sources ?? [s.shape]);
    for (const kind of ["true_positives", "benign"] as const)
      s[kind].forEach((e, i) => {
        if (seen.has(e.id))
          ctx.addIssue({ code: "custom", path: [kind, i, "id"], message: `duplicate id "${e.id}"` });
        seen.add(e.id);
        if (e.source && !sources.has(e.source))
          ctx.addIssue({
            code: "custom",
            path: [kind, i, "source"],
            message: `unknown source "${e.source}" (declare it in sources: ${[...sources].join(", ")})`,
          });
      });
  });

export type PlatformSamplesFile = z.infer<typeof platformSamplesSchema>;
export type PlatformSampleEvent = PlatformSamplesFile["true_positives"][number] & {
  kind: "true-positive" | "benign";
  /** The event with `__sample` set to its id: what evaluators read. */
  tagged: Record<string, unknown>;
};
export type PlatformSamples = {
  shape: string;
  now: string;
  sources: string[];
  events: PlatformSampleEvent[];
  file: string;
};

/** Injects `__sample` ids and resolves default sources. */
export function toPlatformSamples(data: PlatformSamplesFile, file: string): PlatformSamples {
  const tag = (kind: PlatformSampleEvent["kind"]) => (e: PlatformSamplesFile["true_positives"][number]) => ({
    ...e,
    source: e.source ?? data.shape,
    kind,
    tagged: { ...e.event, [SAMPLE_ID_FIELD]: e.id },
  });
  return {
    shape: data.shape,
    now: data.now,
    sources: data.sources ?? [data.shape],
    events: [...data.true_positives.map(tag("true-positive")), ...data.benign.map(tag("benign"))],
    file,
  };
}
