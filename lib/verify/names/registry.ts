// Field registries per platform: content/registry/fields/<platform>/*.yml (names, types, tables
// and enumerations, each file with its vendor documentation link and source version), plus the
// whole ECS field set read from the @elastic/ecs package at check time, plus the ActionType
// lists declared in content/registry/kusto-tables/.
import fs from "node:fs";
import path from "node:path";
import { EcsFlat, EcsVersion } from "@elastic/ecs";
import { parse } from "yaml";
import { z } from "zod";

export const NAME_PLATFORMS = ["elastic", "splunk", "secops", "logscale", "kusto"] as const;
export type NamePlatform = (typeof NAME_PLATFORMS)[number];

export const FIELDS_DIR = path.join("registry", "fields");

export const registryFileSchema = z.strictObject({
  platform: z.enum(NAME_PLATFORMS),
  /** Where the names were taken from (package, repository path and commit, or documentation page). */
  source: z.string().min(1),
  version: z.string().min(1),
  docs: z.url(),
  /** Index patterns / data streams, EQL categories, data-model datasets, sourcetypes, event names. */
  tables: z.array(z.string().min(1)).default([]),
  fields: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Enumerations: field → the values the vendor documents for it. */
  values: z.record(z.string().min(1), z.array(z.string())).default({}),
  /** Objects whose keys are free (`labels.`): any name under them resolves. */
  open: z.array(z.string().min(1)).default([]),
});
export type RegistryFile = z.infer<typeof registryFileSchema>;

export type Source = { file: string; source: string; version: string; docs: string };

export type Registry = {
  platform: NamePlatform;
  tables: Set<string>;
  fields: Set<string>;
  values: Map<string, Set<string>>;
  open: string[];
  sources: Source[];
};

function empty(platform: NamePlatform): Registry {
  return { platform, tables: new Set(), fields: new Set(), values: new Map(), open: [], sources: [] };
}

function add(registry: Registry, data: RegistryFile, source: Source) {
  data.tables.forEach((t) => registry.tables.add(t));
  Object.keys(data.fields).forEach((f) => registry.fields.add(f));
  for (const [field, values] of Object.entries(data.values)) {
    const set = registry.values.get(field) ?? new Set<string>();
    values.forEach((v) => set.add(v));
    registry.values.set(field, set);
  }
  registry.open.push(...data.open);
  registry.sources.push(source);
}

/** ECS from the package: every field, and the allowed values of the categorisation fields. */
function addEcs(registry: Registry) {
  const values: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(
    EcsFlat as Record<string, { allowed_values?: Array<{ name: string }> }>,
  )) {
    registry.fields.add(name);
    if (spec.allowed_values) values[name] = spec.allowed_values.map((v) => v.name);
  }
  const categories = values["event.category"] ?? [];
  add(
    registry,
    registryFileSchema.parse({
      platform: "elastic",
      source: "npm @elastic/ecs (EcsFlat)",
      version: EcsVersion,
      docs: "https://www.elastic.co/docs/reference/ecs/ecs-field-reference",
      tables: categories,
      values,
    }),
    {
      file: "node_modules/@elastic/ecs",
      source: "npm @elastic/ecs (EcsFlat)",
      version: EcsVersion,
      docs: "https://www.elastic.co/docs/reference/ecs/ecs-field-reference",
    },
  );
}

const kustoActionTypes = z.looseObject({
  name: z.string(),
  docs: z.string(),
  action_types: z.array(z.string()).optional(),
});

function addKusto(registry: Registry, contentDir: string) {
  const dir = path.join(contentDir, "registry", "kusto-tables");
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(".yml")) continue;
    const table = kustoActionTypes.parse(parse(fs.readFileSync(path.join(dir, name), "utf8")));
    if (!table.action_types) continue;
    registry.tables.add(table.name);
    registry.values.set(`${table.name}.ActionType`, new Set(table.action_types));
    registry.sources.push({
      file: `registry/kusto-tables/${name}`,
      source: "Microsoft table reference",
      version: "advanced hunting schema",
      docs: table.docs,
    });
  }
}

export function loadRegistries(contentDir: string): Record<NamePlatform, Registry> {
  const out = Object.fromEntries(NAME_PLATFORMS.map((p) => [p, empty(p)])) as Record<NamePlatform, Registry>;
  addEcs(out.elastic);
  addKusto(out.kusto, contentDir);
  const root = path.join(contentDir, FIELDS_DIR);
  for (const platform of fs.existsSync(root) ? fs.readdirSync(root).sort() : []) {
    const dir = path.join(root, platform);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith(".yml")) continue;
      const file = path.posix.join("registry", "fields", platform, name);
      const result = registryFileSchema.safeParse(parse(fs.readFileSync(path.join(dir, name), "utf8")));
      if (!result.success)
        throw new Error(
          `${file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
      if (result.data.platform !== platform)
        throw new Error(`${file}: platform must be "${platform}", the folder it is in`);
      add(out[platform as NamePlatform], result.data, {
        file,
        source: result.data.source,
        version: result.data.version,
        docs: result.data.docs,
      });
    }
  }
  return out;
}
