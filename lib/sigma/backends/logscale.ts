// CrowdStrike Falcon LogScale (CQL) over Falcon sensor events: the crowdstrike_falcon pipeline's
// #event_simpleName/event_platform filters, then the detection. LogScale's `=` on strings is
// case-sensitive and treats `*` as a wildcard, so Sigma's case-insensitive values become
// `field=/regex/i` (library.humio.com/data-analysis/syntax-operators.html); `.` gets the `d`
// flag so a wildcard spans newlines as Sigma's does; `field!=*` is "field absent".
import { BackendError } from "@/lib/sigma/backends/errors";
import { detectionExpr, serialise, stringShape, type Expr } from "@/lib/sigma/backends/expr";
import { anchored, escapeSlashes } from "@/lib/sigma/backends/slash-regex";
import type { Backend } from "@/lib/sigma/backends/types";
import type { SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("logscale", message);
};

export const cqlString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\*/g, "\\*").replace(/\n/g, "\\n")}"`;

const FIELD = /^[#@]?[A-Za-z_][\w.[\]]*$/;

export function cqlField(name: string): string {
  if (!FIELD.test(name))
    fail(`LogScale cannot filter on the field name "${name}"; map it to a plain name in the pipeline`);
  return name;
}

function stringTest(f: string, value: Extract<SigmaValue, { kind: "string" }>): string {
  const shape = stringShape(value.parts);
  if (value.cased && shape.shape === "exact") return `${f}=${cqlString(shape.text)}`;
  const { regex, innerWildcard } = anchored(value.parts);
  const flags = (value.cased ? "" : "i") + (innerWildcard ? "d" : "");
  return `${f}=/${escapeSlashes(regex)}/${flags}`;
}

export function cqlLeaf(m: Extract<Expr, { t: "match" }>): string {
  const { value } = m;
  // A keyword has no field: search the raw event text, as a LogScale free-text filter does.
  const f = m.field === null ? "@rawstring" : cqlField(m.field);
  switch (value.kind) {
    case "string":
      if (m.field === null) {
        // Sigma keywords match a substring of the event (pySigma wraps them in wildcards).
        const { regex, innerWildcard } = anchored([{ wildcard: "*" }, ...value.parts, { wildcard: "*" }]);
        return `${f}=/${escapeSlashes(regex)}/${value.cased ? "" : "i"}${innerWildcard ? "d" : ""}`;
      }
      return stringTest(f, value);
    case "number":
      return `${f}=${value.value}`;
    case "boolean":
      return `${f}=${cqlString(String(value.value))}`;
    case "null":
      return `(${f}="" or ${f}!=*)`;
    case "exists":
      return value.value ? `${f}=*` : `${f}!=*`;
    case "cidr":
      return `cidr(${f}, subnet=${cqlString(value.network)})`;
    case "compare":
      return `${f}${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]}${value.value}`;
    case "timepart":
      return fail(
        `LogScale's time:hour() and the other time functions assign a field (as=) and cannot be tested inside a filter expression, so |${value.part} cannot be expressed`,
      );
    case "regex": {
      const flags = (value.flags.i ? "i" : "") + (value.flags.m ? "m" : "") + (value.flags.s ? "d" : "");
      return `${f}=/${escapeSlashes(value.pattern)}/${flags}`;
    }
    case "fieldref": {
      if (m.field === null) return fail("a keyword cannot be compared with a field");
      const other = cqlField(value.field);
      if (value.match !== "eq")
        return fail(`LogScale's test() compares whole values; |fieldref|${value.match} has no equivalent`);
      // Sigma compares values case-insensitively; test()'s == does not, lower() in it does.
      return `test(lower(${f}) == lower(${other}))`;
    }
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values; supply them in a values file`);
  }
}

export const cqlTokens = {
  and: " ",
  or: " or ",
  not: (x: string, simple: boolean) => (simple ? `not ${x}` : `not (${x})`),
};

const tagValue = (v: string | number) =>
  typeof v === "number" || /^[\w.-]+$/.test(v) ? String(v) : cqlString(v);

/** The pipeline's fixed filters: exact, case-sensitive values (a list becomes in()). */
export function cqlFixed(conditions: Record<string, string | number | string[]>): string[] {
  return Object.entries(conditions).map(([field, v]) =>
    Array.isArray(v)
      ? `in(field=${cqlString(cqlField(field))}, values=[${v.map(cqlString).join(", ")}])`
      : `${cqlField(field)}=${tagValue(v)}`,
  );
}

export const logscale: Backend = {
  id: "logscale",
  label: "CrowdStrike LogScale",
  language: "logscale",
  extension: "cql",
  convert: (rule, mapping) => {
    const body = serialise(detectionExpr(rule, mapping), cqlTokens, cqlLeaf);
    return [...cqlFixed(mapping.conditions), body].join("\n| ");
  },
};
