// Google SecOps YARA-L 2.0: a complete single-event rule (meta, events, condition) over UDM
// fields from the secops_udm pipeline. Sigma matches strings case-insensitively, so equality
// gets `nocase`; wildcards become /regex/ nocase with (?s) because a YARA-L regex otherwise
// matches only the first line of a field (cloud.google.com/chronicle/docs/detection/yara-l-2-0-functions/re-regex).
import { BackendError } from "@/lib/sigma/backends/errors";
import { detectionExpr, fixedConditions, serialise, stringShape, type Expr } from "@/lib/sigma/backends/expr";
import { anchoredRegex, escapeSlashes } from "@/lib/sigma/backends/slash-regex";
import { yaralRegex } from "@/lib/sigma/backends/yara-l-regex";
import type { ResolvedMapping } from "@/lib/sigma/backends/pipeline";
import type { Backend } from "@/lib/sigma/backends/types";
import type { DetectionRule, SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("yara-l", message);
};

export const yaralString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;

// A UDM path, or a map member such as additional.fields["ScriptBlockText"].
const UDM_PATH = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*(\["[^"\\]+"\])?$/;

/** UDM string fields that Sigma rules compare with numbers (EventID). */
const STRING_UDM = new Set(["metadata.product_event_type"]);

export function udmField(name: string, event = "$e"): string {
  if (!UDM_PATH.test(name))
    fail(`"${name}" is not a UDM field path; map it to one in the secops_udm pipeline (lib/sigma/pipelines)`);
  return `${event}.${name}`;
}

function stringTest(f: string, value: Extract<SigmaValue, { kind: "string" }>): string {
  const nocase = value.cased ? "" : " nocase";
  const shape = stringShape(value.parts);
  if (shape.shape === "exact") return `${f} = ${yaralString(shape.text)}${nocase}`;
  return `${f} = /(?s)${escapeSlashes(anchoredRegex(value.parts))}/${nocase}`;
}

export function yaralLeaf(m: Extract<Expr, { t: "match" }>, event = "$e"): string {
  const { value } = m;
  if (m.field === null)
    return fail(
      "YARA-L matches UDM fields and has no full-text keyword search; name the field the keyword is in",
    );
  const f = udmField(m.field, event);
  switch (value.kind) {
    case "string":
      return stringTest(f, value);
    case "number":
      // YARA-L is typed: a Windows event ID compared with the string metadata.product_event_type
      // is written as a string, as Google's rules write it ("4624").
      return STRING_UDM.has(m.field) ? `${f} = "${value.value}"` : `${f} = ${value.value}`;
    case "boolean":
      return `${f} = ${value.value}`;
    case "null":
      // UDM has no null: an absent string field reads as "".
      return `${f} = ""`;
    case "exists":
      return value.value ? `${f} != ""` : `${f} = ""`;
    case "cidr":
      return `net.ip_in_range_cidr(${f}, ${yaralString(value.network)})`;
    case "compare": {
      const test = `${f} ${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
      // An unset UDM number reads as 0 (YARA-L syntax: zero values), so a comparison 0 satisfies
      // would match every event without the field; those events must not match, as in Sigma.
      const zeroPasses = {
        gt: 0 > value.value,
        gte: 0 >= value.value,
        lt: 0 < value.value,
        lte: 0 <= value.value,
      };
      return zeroPasses[value.op] ? `(${test} and ${f} != 0)` : test;
    }
    case "regex":
      return `${f} = /${yaralRegex(value.pattern, value.flags)}/`;
    case "timepart":
      // timestamp.get_minute()/get_hour() take epoch seconds (e.g. metadata.event_timestamp.seconds)
      // and default to GMT. get_week() counts Sunday-based weeks from 0, and no function gives the
      // day of month, month or year as a number.
      if (value.part !== "minute" && value.part !== "hour")
        return fail(
          `YARA-L's timestamp functions give the minute, hour, day of week and a Sunday-based week, not the ${value.part === "week" ? "ISO 8601 week" : value.part} as a number, so |${value.part} cannot be expressed`,
        );
      return `timestamp.get_${value.part}(${f}) ${{ eq: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
    case "fieldref":
      if (value.match !== "eq")
        return fail(
          `YARA-L compares two fields only for equality; |fieldref|${value.match} has no equivalent`,
        );
      // Sigma compares values case-insensitively and `=` between two fields does not.
      return `strings.to_lower(${f}) = strings.to_lower(${udmField(value.field, event)})`;
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values; supply them in a values file`);
  }
}

export const yaralTokens = {
  and: " and ",
  or: " or ",
  not: (x: string, simple: boolean) => (simple ? `not ${x}` : `not (${x})`),
};

/** A YARA-L rule name: letters, digits and underscores, starting with a letter. */
export function yaralRuleName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 96);
  return /^[a-z]/.test(slug) ? slug : `sigma_${slug}`;
}

const SEVERITY: Record<string, string> = {
  informational: "INFORMATIONAL",
  low: "LOW",
  medium: "MEDIUM",
  high: "HIGH",
  critical: "CRITICAL",
};

export function yaralMeta(rule: {
  title: string;
  id?: string;
  tags: string[];
  description?: string;
  level?: string;
}) {
  const meta: Array<[string, string]> = [["title", rule.title]];
  if (rule.id) meta.push(["sigma_id", rule.id]);
  if (rule.description) meta.push(["description", rule.description]);
  if (rule.level && SEVERITY[rule.level]) meta.push(["severity", SEVERITY[rule.level]!]);
  if (rule.tags.length) meta.push(["tags", rule.tags.join(", ")]);
  return meta.map(([k, v]) => `    ${k} = ${yaralString(v)}`).join("\n");
}

/** The event's filter for one rule: its pipeline's fixed conditions (exact) and its detection. */
export function yaralFilter(rule: DetectionRule, mapping: ResolvedMapping, event = "$e"): string[] {
  // Fixed conditions are UDM enumerations and log types: exact, not nocase.
  const fixed = fixedConditions(mapping.conditions, { cased: true }).map((e) =>
    serialise(e, yaralTokens, (m) => yaralLeaf(m, event)),
  );
  const body = serialise(detectionExpr(rule, mapping), yaralTokens, (m) => yaralLeaf(m, event));
  return [...fixed, fixed.length ? `(${body})` : body];
}

export const yaral: Backend = {
  id: "yara-l",
  label: "Google SecOps YARA-L 2.0",
  language: "yara-l",
  extension: "yaral",
  convert: (rule, mapping) => {
    const events = yaralFilter(rule, mapping)
      .map((l) => `    ${l}`)
      .join("\n");
    return `rule ${yaralRuleName(rule.title)} {\n  meta:\n${yaralMeta(rule)}\n\n  events:\n${events}\n\n  condition:\n    $e\n}`;
  },
};
