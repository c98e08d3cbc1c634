// Field access for Elastic documents (shared by the EQL and ES|QL evaluators). Elasticsearch reads
// `process.parent.name` the same whether the source stored it as nested objects or as a dotted key
// (https://www.elastic.co/guide/en/elasticsearch/reference/current/dots-in-field-names.html), so both
// are resolved. A multi-valued field (JSON array) is returned as the array.
import type { PlatformEvent } from "@/lib/native-eval/types";

export function getField(doc: PlatformEvent, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(doc, path)) return doc[path];
  const parts = path.split(".");
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join(".");
    const value = Object.prototype.hasOwnProperty.call(doc, head) ? doc[head] : undefined;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const found = getField(value as PlatformEvent, parts.slice(i).join("."));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The values of a field as a list: [] when missing or null, one entry per array element otherwise. */
export function values(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined) : [value];
}

/** Sample id the loader put on the event (never shown to users). */
export function sampleId(doc: PlatformEvent): string | undefined {
  const id = doc.__sample;
  return typeof id === "string" ? id : undefined;
}

/** Event time from ECS `@timestamp` (ms since epoch), NaN when absent. */
export function timestampOf(doc: PlatformEvent): number {
  const t = getField(doc, "@timestamp");
  return typeof t === "string" || typeof t === "number" ? new Date(t).getTime() : NaN;
}
