// Elastic Lucene query string in pySigma's elasticsearch backend style: `field:value` with every
// Lucene special character and whitespace backslash-escaped, `field:(a OR b)` lists, `/regex/`,
// `_exists_:field` and range syntax for comparisons.
import { BackendError } from "@/lib/sigma/backends/errors";
import {
  ruleExpr,
  serialise,
  stringValuesOfOneField,
  type BoolExpr,
  type Expr,
} from "@/lib/sigma/backends/expr";
import { toLuceneRegex } from "@/lib/sigma/backends/lucene-regex";
import type { Backend } from "@/lib/sigma/backends/types";
import type { SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("lucene", message);
};

export const luceneEscape = (s: string) => s.replace(/[+\-=&|!(){}[\]^"~*?:\\/<> \t]/g, "\\$&");

function stringValue(value: Extract<SigmaValue, { kind: "string" }>): string {
  if (value.parts.length === 0) return '""';
  return value.parts.map((p) => (typeof p === "string" ? luceneEscape(p) : p.wildcard)).join("");
}

const field = (name: string) => name.replace(/[+\-=&|!(){}[\]^"~*?:\\/ ]/g, "\\$&");

function keywordParts(
  value: Extract<SigmaValue, { kind: "string" }>,
): Extract<SigmaValue, { kind: "string" }> {
  const star = { wildcard: "*" as const };
  const isStar = (p: unknown) =>
    typeof p === "object" && p !== null && (p as { wildcard: string }).wildcard === "*";
  const parts = [...value.parts];
  if (!isStar(parts[0])) parts.unshift(star);
  if (!isStar(parts.at(-1))) parts.push(star);
  return { ...value, parts };
}

function leaf(m: Extract<Expr, { t: "match" }>): string {
  const { value } = m;
  if (m.field === null) {
    // A Sigma keyword matches anywhere in the event, so it is wrapped in wildcards as pySigma
    // does; a bare term would match whole analysed terms only.
    if (value.kind === "string") return stringValue(keywordParts(value));
    if (value.kind === "number") return String(value.value);
    return fail(`a keyword search cannot use a ${value.kind} value`);
  }
  const f = field(m.field);
  switch (value.kind) {
    case "string":
      return `${f}:${stringValue(value)}`;
    case "number":
    case "boolean":
      return `${f}:${value.value}`;
    case "null":
      return `NOT _exists_:${f}`;
    case "exists":
      return value.value ? `_exists_:${f}` : `NOT _exists_:${f}`;
    case "cidr":
      return `${f}:${luceneEscape(value.network)}`;
    case "compare":
      return `${f}:${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]}${value.value}`;
    case "regex":
      return `${f}:/${toLuceneRegex(value.pattern, value.flags, { target: "lucene", caseInsensitive: "expand" }).replace(/\//g, "\\/")}/`;
    case "fieldref":
      return fail(`a Lucene query cannot compare field ${m.field} with field ${value.field}`);
    case "timepart":
      return fail(
        `Lucene query syntax has no functions: a range query bounds whole timestamps and cannot test the ${value.part} of ${m.field}`,
      );
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values in the Lucene pipeline`);
  }
}

const group = (e: BoolExpr): string | null => {
  // Lucene keyword matching keeps case either way, so cased values group too.
  const list = stringValuesOfOneField(e, { allowCased: true });
  return list && `${field(list.field)}:(${list.values.map(stringValue).join(" OR ")})`;
};

/**
 * A leaf that is already `NOT …` (null, exists: false) loses its NOT instead of getting a second
 * one: Lucene's query parser takes one modifier per clause, so `NOT NOT x` is a syntax error.
 */
const negate = (x: string, simple: boolean) =>
  simple ? (x.startsWith("NOT ") ? x.slice(4) : `NOT ${x}`) : `NOT (${x})`;

export const lucene: Backend = {
  id: "lucene",
  label: "Elastic Lucene",
  language: "lucene",
  extension: "txt",
  convert: (rule, mapping) =>
    serialise(ruleExpr(rule, mapping), { and: " AND ", or: " OR ", not: negate }, leaf, group),
};
