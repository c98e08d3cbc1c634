// The bridge between the Sigma engine and the native evaluators (lib/sigma may not import
// lib/native-eval, so it lives here): a probe rule is converted with a pipeline of our own per
// target, its events (Sigma field names) are reshaped the way that target stores them, and the
// converted query runs in the target's evaluator.
import { contentDir } from "@/lib/content/location";
import { EVALUATORS } from "@/lib/native-eval/registry";
import type { EvaluationResult, PlatformEvent } from "@/lib/native-eval/types";
import { typeKustoEvent } from "@/lib/native-eval/typing";
import { convertRule } from "@/lib/sigma/backends/convert";
import type { Pipeline } from "@/lib/sigma/backends/pipeline";
import type { Placeholders } from "@/lib/sigma/backends/placeholders";
import type { DetectionRule } from "@/lib/sigma/engine/model";
import { loadKustoTables, type KustoTable } from "@/lib/verify/kusto/tables";

/** Targets with a native evaluator, by the evaluator's language (Lucene has none). */
export const CHECKED = {
  splunk: "spl",
  kql: "kql",
  esql: "esql",
  eql: "eql",
  "yara-l": "yara-l",
  logscale: "logscale",
} as const;
export type CheckedTarget = keyof typeof CHECKED;

/** Process probes read command lines and users; network probes read the destination. */
export type Shape = "process" | "network";

type Layout = { source: Record<Shape, string>; fields: Record<string, string> };

// Field names as each product writes them: the Defender XDR tables (content/registry/kusto-tables),
// ECS, UDM, and the Sigma names themselves where the probe pipeline keeps them (Splunk, LogScale).
const ECS = {
  CommandLine: "process.command_line",
  Image: "process.executable",
  User: "user.name",
  ParentUser: "process.parent.user.name",
  Other: "process.name",
  DestinationIp: "destination.ip",
  DestinationPort: "destination.port",
  Timestamp: "@timestamp",
};

const LAYOUT: Record<CheckedTarget, Layout> = {
  splunk: { source: { process: "", network: "" }, fields: { Timestamp: "_time" } },
  logscale: { source: { process: "", network: "" }, fields: {} },
  kql: {
    source: { process: "DeviceProcessEvents", network: "DeviceNetworkEvents" },
    fields: {
      CommandLine: "ProcessCommandLine",
      Image: "FolderPath",
      User: "AccountName",
      ParentUser: "InitiatingProcessAccountName",
      Other: "FileName",
      DestinationIp: "RemoteIP",
      DestinationPort: "RemotePort",
    },
  },
  esql: { source: { process: "logs-*", network: "logs-*" }, fields: ECS },
  eql: { source: { process: "process", network: "network" }, fields: ECS },
  "yara-l": {
    source: { process: "", network: "" },
    fields: {
      CommandLine: "target.process.command_line",
      Image: "target.process.file.full_path",
      User: "target.user.userid",
      ParentUser: "principal.user.userid",
      Other: "target.process.file.sha256",
      DestinationIp: "target.ip",
      DestinationPort: "target.port",
      Timestamp: "metadata.event_timestamp.seconds",
    },
  },
};

function pipeline(target: CheckedTarget, shape: Shape): Pipeline[] {
  return [
    {
      name: "crosscheck",
      description: "probe pipeline of the Sigma/native cross-check",
      order: 1,
      targets: [target],
      default_source: LAYOUT[target].source[shape],
      fields: LAYOUT[target].fields,
      entries: [],
    },
  ];
}

export function convert(
  rule: DetectionRule,
  target: CheckedTarget,
  shape: Shape,
  placeholders?: Placeholders,
): { query: string } | { error: string } {
  const r = convertRule(rule, target, pipeline(target, shape), [rule], undefined, placeholders);
  return "error" in r ? { error: r.error } : { query: r.query };
}

type Event = Record<string, unknown>;

const name = (target: CheckedTarget, field: string) => LAYOUT[target].fields[field] ?? field;

function nest(doc: Event, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = doc;
  for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Event;
  cur[parts.at(-1)!] = value;
}

let kusto: Map<string, KustoTable> | undefined;
const kustoTable = (table: string) =>
  (kusto ??= new Map(loadKustoTables(contentDir()).map((t) => [t.name, t]))).get(table);

/** Fields a typed store holds as numbers (ECS long, UDM int32, Kusto int): DestinationPort. */
const NUMERIC = new Set(["DestinationPort"]);

/** An ISO 8601 date or date-time (no zone is UTC) as epoch milliseconds; anything else is no date. */
function instant(value: unknown): number | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
  const m = typeof value === "string" ? iso.exec(value) : null;
  if (!m) return undefined;
  const text = value as string;
  const ms = Date.parse(text.length > 10 && !m[1] ? `${text.replace(" ", "T")}Z` : text.replace(" ", "T"));
  return Number.isNaN(ms) ? undefined : ms;
}

/** The event time as each store holds it: epoch seconds (Splunk _time, UDM), a date (Kusto), ISO (ECS). */
function timeValue(target: CheckedTarget, value: unknown): unknown {
  if (target === "eql" || target === "logscale") return value;
  const ms = instant(value);
  if (ms === undefined) return undefined;
  if (target === "splunk" || target === "yara-l") return Math.floor(ms / 1000);
  return target === "kql" ? new Date(ms) : new Date(ms).toISOString();
}

/**
 * A Sigma-named event as the target stores it. Splunk and LogScale have no null: a null field is
 * absent. Typed stores (Kusto, Elasticsearch, UDM) hold a numeric field as a number, a numeric
 * string coerced and anything else not stored; a Kusto string column is never null (typing.ts).
 * The event time is the store's own time field, which holds dates only.
 * A Falcon event keeps its JSON text in @rawstring, which LogScale's free-text search reads.
 */
export function shapeEvent(target: CheckedTarget, shape: Shape, event: Event, id: string): PlatformEvent {
  const out: Event = { __sample: id };
  if (target === "eql") out["event.category"] = shape;
  for (const [field, raw] of Object.entries(event)) {
    let value = raw;
    if (NUMERIC.has(field) && target !== "splunk" && target !== "logscale" && typeof value === "string")
      value = /^-?\d+$/.test(value) ? Number(value) : undefined;
    if (field === "Timestamp") value = timeValue(target, value);
    if (value === undefined) continue;
    if (value === null && (target === "splunk" || target === "logscale" || target === "kql")) continue;
    const to = name(target, field);
    if (target === "yara-l") nest(out, to, value);
    else out[to] = value;
  }
  if (target === "logscale")
    out["@rawstring"] = JSON.stringify(
      Object.fromEntries(Object.entries(out).filter(([k]) => k !== "__sample")),
    );
  return target === "kql" ? typeKustoEvent(out, kustoTable(LAYOUT.kql.source[shape])) : out;
}

/** The converted query's verdict per event (by index), or the construct the evaluator refused. */
export function runNative(
  target: CheckedTarget,
  shape: Shape,
  query: string,
  events: Event[],
): { matched: boolean[] } | { notEvaluated: string } {
  const evaluator = EVALUATORS[CHECKED[target]]!;
  const source = LAYOUT[target].source[shape] || "probe";
  const shaped = events.map((e, i) => shapeEvent(target, shape, e, `e${i}`));
  const result: EvaluationResult = evaluator.evaluate({
    query,
    sources: [{ name: target === "esql" ? "logs-probe" : source, events: shaped }],
    now: new Date("2026-01-01T00:00:00Z"),
  });
  if (result.kind === "not-evaluated") return { notEvaluated: result.construct };
  return { matched: shaped.map((_, i) => result.decisions.get(`e${i}`)?.matched ?? false) };
}
