// Elastic EQL in pySigma's eql backend style: `<category> where ...` with the case-insensitive
// `:` operator (wildcards * and ?), `:` lists, `regex~`, cidrMatch and `!= null`.
import { BackendError } from "@/lib/sigma/backends/errors";
import {
  ruleExpr,
  serialise,
  stringShape,
  stringValuesOfOneField,
  type BoolExpr,
  type Expr,
} from "@/lib/sigma/backends/expr";
import { toLuceneRegex } from "@/lib/sigma/backends/lucene-regex";
import type { Backend } from "@/lib/sigma/backends/types";
import type { SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("eql", message);
};

export const eqlString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
const field = (name: string) => (/^[A-Za-z_@][\w.@]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``);

function pattern(value: Extract<SigmaValue, { kind: "string" }>): string {
  const wild = value.parts.some((p) => typeof p !== "string");
  const literalWild = value.parts.some((p) => typeof p === "string" && /[*?]/.test(p));
  if (literalWild && (wild || !value.cased))
    fail(
      `EQL wildcard matching cannot escape a literal * or ? in ${JSON.stringify(value.parts.filter((p) => typeof p === "string").join(""))}`,
    );
  return eqlString(value.parts.map((p) => (typeof p === "string" ? p : p.wildcard)).join(""));
}

function leaf(m: Extract<Expr, { t: "match" }>): string {
  const { value } = m;
  if (m.field === null) return fail("EQL has no field-less keyword search; name the field the keyword is in");
  const f = field(m.field);
  switch (value.kind) {
    case "string": {
      if (!value.cased) return `${f} : ${pattern(value)}`;
      const exact = stringShape(value.parts).shape === "exact";
      return exact ? `${f} == ${pattern(value)}` : `${f} like ${pattern(value)}`;
    }
    case "number":
    case "boolean":
      return `${f} == ${value.value}`;
    case "null":
      return `${f} == null`;
    case "exists":
      return value.value ? `${f} != null` : `${f} == null`;
    case "cidr":
      return `cidrMatch(${f}, ${eqlString(value.network)})`;
    case "compare":
      return `${f} ${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]} ${value.value}`;
    case "regex":
      return `${f} ${value.flags.i ? "regex~" : "regex"} ${eqlString(toLuceneRegex(value.pattern, value.flags, { target: "eql", caseInsensitive: "native" }))}`;
    case "fieldref":
      return fail(`EQL cannot compare field ${m.field} with field ${value.field}`);
    case "timepart":
      return fail(
        `EQL has no date function (its function reference lists none), so |${value.part} cannot take a part of ${m.field}`,
      );
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values in the EQL pipeline`);
  }
}

const group = (e: BoolExpr): string | null => {
  const list = stringValuesOfOneField(e);
  return list && `${field(list.field)} : (${list.values.map(pattern).join(", ")})`;
};

export const eql: Backend = {
  id: "eql",
  label: "Elastic EQL",
  language: "eql",
  extension: "eql",
  convert: (rule, mapping) =>
    `${mapping.source} where ${serialise(ruleExpr(rule, mapping), { and: " and ", or: " or ", not: (x, simple) => (simple ? `not ${x}` : `not (${x})`) }, leaf, group)}`,
};
