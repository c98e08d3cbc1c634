// Resolves every name a query uses against its platform's registry. An unknown name becomes a
// finding with its file position and the three nearest known names.
import type { QueryItem } from "@/lib/verify/extract";
import { position } from "@/lib/verify/types";
import type { QueryLanguage } from "@/lib/content/schema";
import { extractEql } from "@/lib/verify/names/eql";
import { extractEsql } from "@/lib/verify/names/esql";
import { extractKql } from "@/lib/verify/names/kql";
import { extractLogScale } from "@/lib/verify/names/logscale";
import { nearest } from "@/lib/verify/names/nearest";
import type { NamePlatform, Registry } from "@/lib/verify/names/registry";
import { extractSpl } from "@/lib/verify/names/spl";
import type { Extracted, NameRef } from "@/lib/verify/names/types";
import { extractYaraL } from "@/lib/verify/names/yara-l";

export const PLATFORM_OF: Record<QueryLanguage, NamePlatform> = {
  eql: "elastic",
  esql: "elastic",
  spl: "splunk",
  "yara-l": "secops",
  logscale: "logscale",
  kql: "kusto",
};

export type UnknownName = {
  kind: NameRef["kind"];
  name: string;
  line: number;
  column: number;
  message: string;
  suggestions: string[];
};
export type NameResult = {
  platform: NamePlatform;
  checked: number;
  resolved: number;
  unknown: UnknownName[];
};

/** The enumeration key for a field: the field itself, or a documented suffix (`asset.platform`). */
function enumKey(registry: Registry, field: string): string | undefined {
  const parts = field.split(".");
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(i).join(".");
    if (registry.values.has(key)) return key;
  }
  return undefined;
}

function extract(language: QueryLanguage, text: string, registry: Registry): Extracted {
  const enumerated = (field: string) => enumKey(registry, field) !== undefined;
  switch (language) {
    case "eql":
      return extractEql(text, enumerated);
    case "esql":
      return extractEsql(text, enumerated);
    case "spl":
      return extractSpl(text);
    case "yara-l":
      return extractYaraL(text, enumerated);
    case "logscale":
      return extractLogScale(text);
    case "kql":
      return extractKql(text, (name) => registry.tables.has(name));
  }
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i");
}

function tableKnown(registry: Registry, name: string): boolean {
  if (registry.tables.has(name)) return true;
  if (!name.includes("*")) return [...registry.tables].some((t) => t.includes("*") && glob(t).test(name));
  // An index pattern resolves when it matches a known data stream (or a known pattern).
  const re = glob(name);
  return [...registry.tables].some((t) => re.test(t) || re.test(t.replace(/\*/g, "x")));
}

/** Field names without their data-model dataset, so `process_name` after `rename Processes.* AS *` resolves. */
function unqualified(registry: Registry): Set<string> {
  return new Set([...registry.fields].map((f) => f.slice(f.indexOf(".") + 1)));
}

export function resolveNames(item: QueryItem, registry: Registry): NameResult {
  const { refs, created } = extract(item.language, item.text, registry);
  // An exclusion may name what its detection query creates (a summarize or eval output).
  const base = item.base !== undefined ? extract(item.language, item.base, registry) : undefined;
  base?.created.forEach((c) => created.add(c));
  const splunkShort = registry.platform === "splunk" ? unqualified(registry) : new Set<string>();
  const tables = [...refs, ...(base?.refs ?? [])].filter((r) => r.kind === "table").map((r) => r.name);
  const result: NameResult = { platform: registry.platform, checked: 0, resolved: 0, unknown: [] };
  for (const ref of refs) {
    let known: boolean;
    let candidates: Iterable<string>;
    if (ref.kind === "value") {
      const key = registry.platform === "kusto" ? undefined : enumKey(registry, ref.scope ?? "");
      const lists = key
        ? [key]
        : tables.map((t) => `${t}.${ref.scope}`).filter((k) => registry.values.has(k));
      if (lists.length === 0) continue; // no documented enumeration for this table
      const allowed = new Set(lists.flatMap((k) => [...(registry.values.get(k) ?? [])]));
      known = allowed.has(ref.name);
      candidates = allowed;
    } else if (ref.kind === "table") {
      if (registry.platform === "kusto") continue; // the Kusto analyser resolves tables
      known = tableKnown(registry, ref.name);
      candidates = registry.tables;
    } else {
      known =
        created.has(ref.name) ||
        registry.fields.has(ref.name) ||
        splunkShort.has(ref.name) ||
        registry.open.some((prefix) => ref.name.startsWith(prefix));
      candidates = registry.fields;
    }
    result.checked++;
    if (known) {
      result.resolved++;
      continue;
    }
    const at = position(item.text, ref.offset);
    const suggestions = nearest(ref.name, candidates);
    const what = ref.kind === "value" ? `${ref.scope} value` : ref.kind;
    result.unknown.push({
      kind: ref.kind,
      name: ref.name,
      line: item.line + at.line - 1,
      column: at.column + item.indent,
      message: `unknown ${registry.platform} ${what} "${ref.name}"; nearest known: ${suggestions.join(", ")}`,
      suggestions,
    });
  }
  return result;
}
