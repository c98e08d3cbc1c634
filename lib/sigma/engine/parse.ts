// Entry point: Sigma YAML text in, typed rules and located diagnostics out. A file may hold
// several documents (a correlation rule with the rules it refers to).
import { buildDetection, report, type BuildContext } from "@/lib/sigma/engine/detection";
import type {
  CorrelationRule,
  CorrelationType,
  Diagnostic,
  DetectionRule,
  LogSource,
  SigmaRuleModel,
} from "@/lib/sigma/engine/model";
import { MAX_CORRELATION_RULES } from "@/lib/sigma/engine/limits";
import { readSource } from "@/lib/sigma/engine/source";

type Ctx = BuildContext;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])$/;
const TAG = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;
const STATUS = ["stable", "test", "experimental", "deprecated", "unsupported"];
const LEVEL = ["informational", "low", "medium", "high", "critical"];
const CORRELATION_TYPES: CorrelationType[] = [
  "event_count",
  "value_count",
  "temporal",
  "temporal_ordered",
  "value_sum",
  "value_avg",
  "value_percentile",
  "value_median",
];
const OPS = ["gt", "gte", "lt", "lte", "eq", "neq"] as const;
const TIMESPAN = /^\d+[smhdwMy]$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function tagHint(tag: string): string {
  const attack = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(tag);
  if (attack) return `Write ATT&CK tags in lower case: attack.${attack[1]!.toLowerCase()}.`;
  if (/^attack\.t\d{4}-\d{3}$/i.test(tag))
    return `Separate the sub-technique with a dot: ${tag.toLowerCase().replace("-", ".")}.`;
  return "Tags are lower-case namespace.value, e.g. attack.t1059.001 or attack.execution.";
}

function checkCommon(ctx: Ctx, value: Record<string, unknown>) {
  if (typeof value.title !== "string" || !value.title.trim())
    report(
      ctx,
      value.title === undefined ? [] : ["title"],
      value.title === undefined ? "missing required field title" : "title must be a non-empty string",
      "Add title: a short description of what the rule detects.",
    );
  if (value.id !== undefined && !(typeof value.id === "string" && UUID.test(value.id)))
    report(
      ctx,
      ["id"],
      `id ${JSON.stringify(value.id)} is not a UUID`,
      "Generate one, e.g. with `uuidgen` or crypto.randomUUID().",
    );
  if (value.tags !== undefined) {
    if (!Array.isArray(value.tags))
      report(ctx, ["tags"], "tags must be a list", "Write tags as a YAML list.");
    else
      value.tags.forEach((tag, i) => {
        if (typeof tag !== "string" || !TAG.test(tag))
          report(ctx, ["tags", i], `bad tag format ${JSON.stringify(tag)}`, tagHint(String(tag)));
      });
  }
  for (const field of ["date", "modified"])
    if (
      value[field] !== undefined &&
      !(typeof value[field] === "string" && DATE.test(value[field] as string))
    )
      report(
        ctx,
        [field],
        `${field} must be a date in YYYY-MM-DD form`,
        "Quote nothing, write e.g. 2026-11-29.",
      );
  if (value.status !== undefined && !STATUS.includes(String(value.status)))
    report(
      ctx,
      ["status"],
      `unknown status ${JSON.stringify(value.status)}`,
      `Use one of: ${STATUS.join(", ")}.`,
    );
  if (value.level !== undefined && !LEVEL.includes(String(value.level)))
    report(
      ctx,
      ["level"],
      `unknown level ${JSON.stringify(value.level)}`,
      `Use one of: ${LEVEL.join(", ")}.`,
    );
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

function buildRule(ctx: Ctx, value: Record<string, unknown>): DetectionRule {
  checkCommon(ctx, value);
  let logsource: LogSource = {};
  if (!isRecord(value.logsource))
    report(
      ctx,
      value.logsource === undefined ? [] : ["logsource"],
      value.logsource === undefined ? "missing required field logsource" : "logsource must be a map",
      "Add logsource: with category, product and/or service.",
    );
  else {
    logsource = value.logsource as LogSource;
    if (!logsource.category && !logsource.product && !logsource.service)
      report(
        ctx,
        ["logsource"],
        "logsource needs at least one of category, product or service",
        "Add e.g. category: process_creation and product: windows.",
        { key: true },
      );
    for (const k of ["category", "product", "service", "definition"] as const)
      if (logsource[k] !== undefined && typeof logsource[k] !== "string")
        report(ctx, ["logsource", k], `logsource.${k} must be a string`, "Write a single name.");
  }
  if (value.detection === undefined)
    report(
      ctx,
      [],
      "missing required field detection",
      "Add detection: with search identifiers and a condition.",
    );
  const d =
    value.detection === undefined
      ? { detections: new Map(), conditions: [], conditionText: [], timeframe: undefined }
      : buildDetection(ctx, value.detection);
  return {
    type: "rule",
    title: String(value.title ?? ""),
    id: typeof value.id === "string" ? value.id : undefined,
    name: typeof value.name === "string" ? value.name : undefined,
    status: typeof value.status === "string" ? value.status : undefined,
    level: typeof value.level === "string" ? value.level : undefined,
    description: typeof value.description === "string" ? value.description : undefined,
    tags: strings(value.tags),
    logsource,
    ...d,
    falsepositives: strings(value.falsepositives),
    fields: strings(value.fields),
  };
}

function buildCorrelation(ctx: Ctx, value: Record<string, unknown>): CorrelationRule | null {
  checkCommon(ctx, value);
  const c = value.correlation;
  if (!isRecord(c)) {
    report(ctx, ["correlation"], "correlation must be a map", "Add type, rules, timespan and condition.");
    return null;
  }
  const before = ctx.diagnostics.length;
  const type = c.type as CorrelationType;
  if (!CORRELATION_TYPES.includes(type))
    report(
      ctx,
      c.type === undefined ? ["correlation"] : ["correlation", "type"],
      c.type === undefined
        ? "correlation needs a type"
        : `unknown correlation type ${JSON.stringify(c.type)}`,
      `Use one of: ${CORRELATION_TYPES.join(", ")}.`,
      { key: c.type === undefined },
    );
  const rules = typeof c.rules === "string" ? [c.rules] : strings(c.rules);
  if (rules.length === 0)
    report(
      ctx,
      ["correlation", "rules"],
      "correlation needs rules: the names or ids of the rules it correlates",
      "Add rules: [rule-name].",
      { key: true },
    );
  if (rules.length > MAX_CORRELATION_RULES)
    report(
      ctx,
      ["correlation", "rules"],
      `a correlation may refer to at most ${MAX_CORRELATION_RULES} rules (this one: ${rules.length})`,
      "Split it into several correlations.",
    );
  if (type?.startsWith("temporal") && rules.length < 2)
    report(
      ctx,
      ["correlation", "rules"],
      "a temporal correlation needs at least two rules",
      "List every rule that must fire in the timespan.",
    );
  if (typeof c.timespan !== "string" || !TIMESPAN.test(c.timespan))
    report(
      ctx,
      ["correlation", "timespan"],
      `timespan ${JSON.stringify(c.timespan)} is not a duration`,
      "Write a number and a unit: 30s, 5m, 1h, 1d.",
      { key: c.timespan === undefined },
    );
  const groupBy = typeof c["group-by"] === "string" ? [c["group-by"] as string] : strings(c["group-by"]);
  const aliases = correlationAliases(ctx, c.aliases);
  if (c.generate !== undefined && typeof c.generate !== "boolean")
    report(ctx, ["correlation", "generate"], "generate must be true or false", "Write generate: true.");
  let condition: CorrelationRule["correlation"]["condition"];
  // Temporal types may count the distinct rules that must match (the specification's Condition);
  // without one, every rule must.
  if (type && (!type.startsWith("temporal") || c.condition !== undefined))
    condition = correlationCondition(ctx, type, c.condition);
  if (ctx.diagnostics.slice(before).some((d) => d.severity === "error")) return null;
  return {
    type: "correlation",
    title: String(value.title ?? ""),
    id: value.id as string | undefined,
    name: value.name as string | undefined,
    level: typeof value.level === "string" ? value.level : undefined,
    description: typeof value.description === "string" ? value.description : undefined,
    tags: strings(value.tags),
    correlation: {
      type,
      rules,
      groupBy,
      timespan: c.timespan as string,
      aliases,
      generate: c.generate === true,
      condition,
    },
  };
}

function correlationAliases(ctx: Ctx, raw: unknown): Record<string, Record<string, string>> {
  if (raw === undefined) return {};
  const out: Record<string, Record<string, string>> = {};
  if (!isRecord(raw)) {
    report(
      ctx,
      ["correlation", "aliases"],
      "aliases must be a map",
      "Write aliases: { alias: { rule: field } }.",
    );
    return out;
  }
  for (const [alias, perRule] of Object.entries(raw)) {
    if (!isRecord(perRule) || !Object.values(perRule).every((f) => typeof f === "string")) {
      report(
        ctx,
        ["correlation", "aliases", alias],
        `alias ${alias} must map each rule name or id to a field name`,
        "Write e.g. host: { rule_a: ComputerName, rule_b: Hostname }.",
      );
      continue;
    }
    out[alias] = perRule as Record<string, string>;
  }
  return out;
}

function correlationCondition(
  ctx: Ctx,
  type: CorrelationType,
  cond: unknown,
): CorrelationRule["correlation"]["condition"] {
  const path = ["correlation", "condition"];
  const ops = isRecord(cond) ? Object.keys(cond).filter((k) => k !== "field" && k !== "percentile") : [];
  if (
    !isRecord(cond) ||
    ops.length === 0 ||
    ops.some((op) => !(OPS as readonly string[]).includes(op) || typeof cond[op] !== "number")
  ) {
    report(
      ctx,
      path,
      `${type} needs a condition with gt, gte, lt, lte, eq or neq and a number`,
      "Write condition: { gte: 10 }.",
      { key: cond === undefined },
    );
    return undefined;
  }
  const field = typeof cond.field === "string" ? cond.field : undefined;
  if (type !== "event_count" && !type.startsWith("temporal") && !field)
    report(
      ctx,
      path,
      `${type} needs condition.field, the field whose values are ${type === "value_count" ? "counted" : "aggregated"}`,
      "Add field: TargetUserName under condition.",
    );
  let percentile: number | undefined;
  // The specification's value_percentile example has no percentile (condition: { field, lte: 1 })
  // and its text does not say which percentile the threshold applies to; pySigma reads
  // condition.percentile and refuses to convert without it. So the specification's form parses,
  // with a warning, and pySigma's percentile is checked when given.
  if (type === "value_percentile") {
    const p = cond.percentile;
    if (p === undefined)
      report(
        ctx,
        path,
        "value_percentile without condition.percentile: the specification does not say which percentile the threshold applies to, so no target can convert it",
        "Add percentile: 95 (pySigma's condition.percentile) to compare that percentile of the field.",
        { severity: "warning" },
      );
    else if (typeof p !== "number" || !Number.isInteger(p) || p < 1 || p > 99)
      report(
        ctx,
        [...path, "percentile"],
        "condition.percentile must be a whole number from 1 to 99",
        "Write e.g. percentile: 95.",
      );
    else percentile = p;
  }
  if (type === "value_median") percentile = 50;
  return {
    ops: ops.map((op) => ({ op: op as (typeof OPS)[number], value: cond[op] as number })),
    field,
    percentile,
  };
}

export type ParseResult = { rules: SigmaRuleModel[]; diagnostics: Diagnostic[] };

export function parseSigma(text: string): ParseResult {
  const { docs, locator, diagnostics } = readSource(text);
  const rules: SigmaRuleModel[] = [];
  const names = new Set<string>();
  const correlations: Array<{ rule: CorrelationRule; ctx: Ctx }> = [];
  const spent = { regex: 0, matches: 0, chars: 0 };
  for (const { doc, value } of docs) {
    const ctx: Ctx = { doc, locator, diagnostics, spent };
    if (!isRecord(value)) {
      report(ctx, [], "a Sigma rule must be a YAML map", "Start with title:, logsource: and detection:.");
      continue;
    }
    for (const k of ["id", "name"]) if (typeof value[k] === "string") names.add(value[k] as string);
    if ("correlation" in value) {
      const rule = buildCorrelation(ctx, value);
      if (rule) {
        rules.push(rule);
        correlations.push({ rule, ctx });
      }
    } else if (value.action === "global" || value.action === "reset" || value.action === "repeat")
      report(
        ctx,
        ["action"],
        `rule collections with action: ${String(value.action)} are not supported`,
        "Write each rule out in full.",
      );
    else rules.push(buildRule(ctx, value));
  }
  for (const { rule, ctx } of correlations)
    rule.correlation.rules.forEach((r, i) => {
      if (!names.has(r))
        report(
          ctx,
          ["correlation", "rules", i],
          `rule "${r}" is not in this file`,
          "Keep the correlated rules in the same file (separated by ---) so they can be checked and converted together.",
          { severity: "warning" },
        );
    });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { rules, diagnostics };
}

export const hasErrors = (d: Diagnostic[]) => d.some((x) => x.severity === "error");
