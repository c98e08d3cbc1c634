// Every field name a platform sample uses must resolve in that platform's field registry, the
// same registries content:verify resolves query names against (lib/verify/names): Kusto columns
// per table (content/registry/kusto-tables) for Sentinel and Defender XDR, the field registries
// for the others. Enumerated values (ActionType and the like) must be ones the vendor documents.
import type { PlatformSamples } from "@/lib/content/platform-samples";
import { nearest } from "@/lib/verify/names/nearest";
import type { NamePlatform, Registry } from "@/lib/verify/names/registry";
import type { KustoTable } from "@/lib/verify/kusto/tables";

export type FieldProblem = {
  file: string;
  sample: string;
  field: string;
  message: string;
  suggestions: string[];
};

export const NAME_PLATFORM_OF: Record<string, NamePlatform> = {
  elastic: "elastic",
  splunk: "splunk",
  secops: "secops",
  logscale: "logscale",
  sentinel: "kusto",
  "defender-xdr": "kusto",
};

/** Dotted paths of an event's leaves (ECS and UDM documents nest; Splunk and Kusto rows are flat). */
function paths(event: Record<string, unknown>, nested: boolean, prefix = ""): string[] {
  return Object.entries(event).flatMap(([k, v]) => {
    // A repeated message (UDM network.dns.questions, ECS threat.enrichments) names its elements' fields.
    if (nested && Array.isArray(v) && v.some((x) => x && typeof x === "object"))
      return [...new Set(v.flatMap((x) => paths(x as Record<string, unknown>, nested, `${prefix}${k}.`)))];
    return nested && v && typeof v === "object" && !Array.isArray(v)
      ? paths(v as Record<string, unknown>, nested, `${prefix}${k}.`)
      : [`${prefix}${k}`];
  });
}

export function checkSampleFields(
  platform: string,
  samples: PlatformSamples,
  registries: Record<NamePlatform, Registry>,
  kustoTables: KustoTable[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const namePlatform = NAME_PLATFORM_OF[platform];
  if (!namePlatform) return problems;
  const registry = registries[namePlatform];
  for (const e of samples.events) {
    const source = e.source ?? samples.shape;
    const report = (field: string, message: string, known: Iterable<string>) =>
      problems.push({
        file: samples.file,
        sample: e.id,
        field,
        message,
        suggestions: nearest(field, [...known]),
      });
    if (namePlatform === "kusto") {
      const table = kustoTables.find((t) => t.name === source);
      if (!table) {
        report(
          source,
          `unknown Kusto table "${source}"`,
          kustoTables.map((t) => t.name),
        );
        continue;
      }
      for (const column of Object.keys(e.event))
        if (!table.open && !(column in table.columns))
          report(column, `${source} has no column "${column}"`, Object.keys(table.columns));
      const actionTypes = registry.values.get(`${source}.ActionType`);
      const actionType = e.event.ActionType;
      if (actionTypes && typeof actionType === "string" && !actionTypes.has(actionType))
        report("ActionType", `"${actionType}" is not an ActionType ${source} writes`, actionTypes);
      continue;
    }
    for (const field of paths(e.event, namePlatform !== "splunk")) {
      const known =
        registry.fields.has(field) ||
        registry.open.some((o) => field.startsWith(o.endsWith(".") ? o : `${o}.`));
      if (!known) report(field, `"${field}" is not in the ${platform} field registry`, registry.fields);
    }
  }
  return problems;
}
