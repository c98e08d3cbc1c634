// Processing pipelines as data: lib/sigma/pipelines/*.yml map a rule's logsource to a table,
// index or event category and rename its fields for a target. Adding a mapping is a YAML edit.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { BackendError } from "@/lib/sigma/backends/errors";
import { TARGETS } from "@/lib/sigma/backends/types";
import type { LogSource } from "@/lib/sigma/engine/model";

const entrySchema = z.strictObject({
  logsource: z.strictObject({
    product: z.string().optional(),
    category: z.string().optional(),
    service: z.string().optional(),
  }),
  /** KQL table, Elastic index pattern, EQL event category or Splunk search prefix; per target when a map. */
  source: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
  /** Fixed conditions every query for this logsource needs (e.g. Defender's ActionType). */
  /** A list is any of its values (e.g. the Falcon events that all record a file write). */
  conditions: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()).min(1)])).optional(),
  /** Unmapped fields are an error here (the table has fixed columns). */
  strict: z.boolean().optional(),
  /** Unmapped fields get this prefix here (e.g. Vendor. for a LogScale package's original fields). */
  unmapped_prefix: z.string().optional(),
  /** The target has this log source but no documented schema for it: refuse with this reason. */
  refuse: z.string().min(1).optional(),
  fields: z.record(z.string(), z.string()).default({}),
});

export const pipelineSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  /** Pipelines for a target are tried in this order (then by file name); the first match wins. */
  order: z.number().default(1),
  targets: z.array(z.enum(TARGETS)).min(1),
  /** Where no entry matches: this source, or an error when absent. */
  default_source: z.union([z.string(), z.record(z.string(), z.string())]).optional(),
  /** The event time column for correlation windows, where it is not the target's usual one. */
  timestamp: z.string().optional(),
  /** Unmapped fields get this prefix (e.g. winlog.event_data. for ECS), else keep their name. */
  unmapped_prefix: z.string().optional(),
  /** Applies to every logsource after the entry's own fields. */
  fields: z.record(z.string(), z.string()).default({}),
  entries: z.array(entrySchema),
});

export type Pipeline = z.infer<typeof pipelineSchema>;

export type ResolvedMapping = {
  pipeline: string;
  source: string | undefined;
  conditions: Record<string, string | number | string[]>;
  timestamp?: string;
  /** Maps a Sigma field to the target's field, or throws for a strict table. */
  field: (name: string) => string;
};

const DIR = path.join(process.cwd(), "lib/sigma/pipelines");
let cache: Pipeline[] | null = null;

export function loadPipelines(dir = DIR): Pipeline[] {
  if (cache && dir === DIR) return cache;
  const pipelines = fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => f.endsWith(".yml"))
    .sort()
    .map((f) => {
      const parsed = pipelineSchema.safeParse(
        parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, f), "utf8")),
      );
      if (!parsed.success) throw new Error(`lib/sigma/pipelines/${f}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    })
    .sort((a, b) => a.order - b.order);
  if (dir === DIR) cache = pipelines;
  return pipelines;
}

const matches = (want: LogSource, have: LogSource) =>
  (["product", "category", "service"] as const).every((k) => want[k] === undefined || want[k] === have[k]);

export function resolveMapping(
  target: string,
  logsource: LogSource,
  pipelines = loadPipelines(),
): ResolvedMapping {
  const candidates = pipelines.filter((p) => p.targets.includes(target as Pipeline["targets"][number]));
  const described = Object.entries(logsource)
    .filter(([k]) => k !== "definition")
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  for (const pipeline of candidates) {
    const entry = pipeline.entries.find((e) => matches(e.logsource, logsource));
    if (!entry && pipeline.default_source === undefined) continue;
    if (entry?.refuse)
      throw new BackendError(
        target,
        `no ${target} pipeline maps logsource {${described}}; add an entry once its fields are documented: ${entry.refuse} (lib/sigma/pipelines, ${pipeline.name})`,
      );
    const prefix = entry?.unmapped_prefix ?? pipeline.unmapped_prefix;
    const fields = { ...pipeline.fields, ...entry?.fields };
    const raw = entry?.source ?? pipeline.default_source;
    const source = typeof raw === "string" || raw === undefined ? raw : raw[target];
    const where = `${source ?? "this logsource"} (lib/sigma/pipelines, ${pipeline.name})`;
    return {
      pipeline: pipeline.name,
      source,
      conditions: entry?.conditions ?? {},
      timestamp: pipeline.timestamp,
      field: (name) => {
        const mapped = fields[name];
        if (mapped) return mapped;
        if (entry?.strict)
          throw new BackendError(
            target,
            `field "${name}" has no column in ${where}; add a mapping for it to the pipeline`,
          );
        return prefix ? prefix + name : name;
      },
    };
  }
  throw new BackendError(
    target,
    `no ${target} pipeline maps logsource {${described}}; add an entry to a file in lib/sigma/pipelines`,
  );
}
