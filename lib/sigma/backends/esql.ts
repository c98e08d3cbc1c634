// Elastic ES|QL in pySigma's esql backend style: `from <index> metadata _id, _index, _version |
// where ...`. Sigma matching is case-insensitive, ES|QL's is not, so string tests run on
// to_lower(field) with a lower-cased pattern unless |cased; wildcards become `like` patterns.
import { BackendError } from "@/lib/sigma/backends/errors";
import {
  exactValuesOfOneField,
  ruleExpr,
  serialise,
  stringShape,
  type BoolExpr,
  type Expr,
} from "@/lib/sigma/backends/expr";
import { toLuceneRegex } from "@/lib/sigma/backends/lucene-regex";
import type { Backend } from "@/lib/sigma/backends/types";
import type { SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("esql", message);
};

export const esqlString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
export const esqlField = (name: string) =>
  /^[A-Za-z_@][\w.@]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;

function stringMatch(f: string, value: Extract<SigmaValue, { kind: "string" }>): string {
  const lower = (s: string) => (value.cased ? s : s.toLowerCase());
  const target = value.cased ? f : `to_lower(${f})`;
  const { shape, text } = stringShape(value.parts);
  if (shape === "exact") return `${target} == ${esqlString(lower(text))}`;
  // like: * and ? are wildcards, a backslash escapes them and itself.
  const pattern = value.parts
    .map((p) => (typeof p === "string" ? lower(p).replace(/[\\*?]/g, "\\$&") : p.wildcard))
    .join("");
  return `${target} like ${esqlString(pattern)}`;
}

function leaf(m: Extract<Expr, { t: "match" }>): string {
  const { value } = m;
  if (m.field === null)
    return fail("ES|QL has no field-less keyword search in a where clause; name the field the keyword is in");
  const f = esqlField(m.field);
  switch (value.kind) {
    case "string":
      return stringMatch(f, value);
    case "number":
    case "boolean":
      return `${f} == ${value.value}`;
    case "null":
      return `${f} is null`;
    case "exists":
      return value.value ? `${f} is not null` : `${f} is null`;
    case "cidr":
      return `cidr_match(${f}, ${esqlString(value.network)})`;
    case "compare":
      return `${f} ${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
    case "timepart": {
      // DATE_EXTRACT takes java.time ChronoField names; its only week is aligned_week_of_year
      // (days 1-7 of the year are week 1), not the ISO 8601 week the other targets give.
      if (value.part === "week")
        return fail(
          "ES|QL DATE_EXTRACT has no ISO 8601 week (aligned_week_of_year counts from 1 January), so |week cannot be expressed",
        );
      const part = {
        minute: "minute_of_hour",
        hour: "hour_of_day",
        day: "day_of_month",
        month: "month_of_year",
        year: "year",
      }[value.part];
      return `date_extract("${part}", to_datetime(${f})) ${{ eq: "==", gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
    }
    case "regex":
      return `${f} rlike ${esqlString(toLuceneRegex(value.pattern, value.flags, { target: "esql", caseInsensitive: "expand" }))}`;
    case "fieldref": {
      const [a, b] = [`to_lower(${f})`, `to_lower(${esqlField(value.field)})`];
      return value.match === "eq"
        ? `${a} == ${b}`
        : value.match === "startswith"
          ? `starts_with(${a}, ${b})`
          : value.match === "endswith"
            ? `ends_with(${a}, ${b})`
            : `locate(${a}, ${b}) > 0`;
    }
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values in the ES|QL pipeline`);
  }
}

const group = (e: BoolExpr): string | null => {
  const values = exactValuesOfOneField(e);
  if (!values) return null;
  return `to_lower(${esqlField(values.field)}) in (${values.texts.map((t) => esqlString(t.toLowerCase())).join(", ")})`;
};

/**
 * A comparison on a missing field is NULL in ES|QL and `NOT NULL` is still NULL, which WHERE drops
 * ("Working with NULL values in ES|QL"); in Sigma a missing field does not match, so its negation
 * does. COALESCE(…, false) gives the negation Sigma's two values. Null tests are never NULL.
 */
const negate = (x: string) => (/ is (not )?null$/.test(x) ? `not ${x}` : `not coalesce(${x}, false)`);

export function esqlWhere(expr: Expr): string {
  return serialise(
    expr,
    { and: " and ", or: " or ", not: (x, simple) => (simple ? negate(x) : `not coalesce(${x}, false)`) },
    leaf,
    group,
  );
}

export const esql: Backend = {
  id: "esql",
  label: "Elastic ES|QL",
  language: "esql",
  extension: "esql",
  convert: (rule, mapping) =>
    `from ${mapping.source} metadata _id, _index, _version\n| where ${esqlWhere(ruleExpr(rule, mapping))}`,
};
