// Microsoft KQL (Sentinel and Defender XDR) in pySigma's kusto backend style: the table chosen by
// the logsource pipeline, `| where` with =~ / startswith / endswith / contains (case-insensitive;
// the _cs forms for |cased), in~ lists, `matches regex` for inner wildcards and regexes.
import { BackendError } from "@/lib/sigma/backends/errors";
import {
  exactValuesOfOneField,
  partsToRegex,
  ruleExpr,
  serialise,
  stringShape,
  type BoolExpr,
  type Expr,
} from "@/lib/sigma/backends/expr";
import type { Backend } from "@/lib/sigma/backends/types";
import type { SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("kql", message);
};

export const kqlString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

// Pipelines may map a field to an expression such as tostring(AdditionalFields.x); keep those.
const column = (name: string) =>
  /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(name) || /[()]/.test(name)
    ? name
    : `['${name.replace(/'/g, "\\'")}']`;

function re2Check(pattern: string) {
  if (/\(\?[=!<]/.test(pattern))
    fail(`the regular expression /${pattern}/ uses lookaround, which KQL's RE2 engine cannot run`);
  if (/\\[1-9]/.test(pattern))
    fail(`the regular expression /${pattern}/ uses back-references, which KQL's RE2 engine cannot run`);
}

function stringMatch(f: string, value: Extract<SigmaValue, { kind: "string" }>): string {
  const { shape, text } = stringShape(value.parts);
  const cs = value.cased ? "_cs" : "";
  switch (shape) {
    case "exact":
      return `${f} ${value.cased ? "==" : "=~"} ${kqlString(text)}`;
    case "contains":
    case "startswith":
    case "endswith":
      return `${f} ${shape}${cs} ${kqlString(text)}`;
    case "wildcard":
      // (?s): a Sigma wildcard spans newlines, RE2's `.` does not without it.
      return `${f} matches regex ${kqlString(`${value.cased ? "(?s)" : "(?is)"}^${partsToRegex(value.parts)}$`)}`;
  }
}

function leaf(m: Extract<Expr, { t: "match" }>): string {
  const { value } = m;
  if (m.field === null) {
    if (value.kind !== "string") return fail(`a keyword search cannot use a ${value.kind} value`);
    const { shape, text } = stringShape(value.parts);
    if (shape === "wildcard")
      return fail("a keyword with inner wildcards cannot be searched across all KQL columns");
    return `* contains${value.cased ? "_cs" : ""} ${kqlString(text)}`;
  }
  const f = column(m.field);
  switch (value.kind) {
    case "string":
      return stringMatch(f, value);
    case "number":
      return `${f} == ${value.value}`;
    case "boolean":
      return `${f} == ${value.value}`;
    case "null":
      return `isempty(${f})`;
    case "exists":
      return value.value ? `isnotempty(${f})` : `isempty(${f})`;
    case "cidr":
      return `${value.network.includes(":") ? "ipv6" : "ipv4"}_is_in_range(${f}, ${kqlString(value.network)})`;
    case "compare":
      return `${f} ${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
    case "timepart":
      // datetime_part(): week_of_year is the ISO 8601 week; todatetime() also reads string columns.
      return `datetime_part("${value.part === "week" ? "week_of_year" : value.part}", todatetime(${f})) ${{ eq: "==", gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
    case "regex": {
      re2Check(value.pattern);
      const flags = (value.flags.i ? "i" : "") + (value.flags.m ? "m" : "") + (value.flags.s ? "s" : "");
      return `${f} matches regex ${kqlString((flags ? `(?${flags})` : "") + value.pattern)}`;
    }
    case "fieldref":
      return `${f} ${value.match === "eq" ? "=~" : value.match} ${column(value.field)}`;
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values in the KQL pipeline`);
  }
}

const group = (e: BoolExpr): string | null => {
  const values = exactValuesOfOneField(e);
  if (!values) return null;
  return `${column(values.field)} in~ (${values.texts.map(kqlString).join(", ")})`;
};

export function kqlWhere(expr: Expr): string {
  return serialise(expr, { and: " and ", or: " or ", not: (x) => `not(${x})` }, leaf, group);
}

export const kql: Backend = {
  id: "kql",
  label: "KQL (Sentinel / Defender XDR)",
  language: "kql",
  extension: "kql",
  convert: (rule, mapping) => `${mapping.source}\n| where ${kqlWhere(ruleExpr(rule, mapping))}`,
};
