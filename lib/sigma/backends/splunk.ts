// Splunk SPL in pySigma's splunk backend style: `field="value"` terms joined by spaces and OR,
// `IN` lists, backslashes and quotes escaped, regexes and field references deferred to
// `| regex` / `| where` after the search (only where the search ANDs them in).
import { BackendError } from "@/lib/sigma/backends/errors";
import {
  ruleExpr,
  serialise,
  stringValuesOfOneField,
  type BoolExpr,
  type Expr,
} from "@/lib/sigma/backends/expr";
import { evalField, needsEval, splunkEval } from "@/lib/sigma/backends/splunk-eval";
import type { Backend } from "@/lib/sigma/backends/types";
import type { SigmaValue } from "@/lib/sigma/engine/model";

const fail = (message: string): never => {
  throw new BackendError("splunk", message);
};

const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

function stringTerm(value: Extract<SigmaValue, { kind: "string" }>): string {
  const text = value.parts
    .map((p) => {
      if (typeof p !== "string")
        return p.wildcard === "*"
          ? "*"
          : fail(
              "Splunk search has no single-character wildcard (?); use a regular expression (|re) instead",
            );
      if (p.includes("*"))
        fail(`Splunk search cannot match a literal "*" in "${p}"; use a regular expression (|re) instead`);
      return p;
    })
    .join("");
  const quoted = quote(text);
  return value.cased ? `CASE(${quoted})` : quoted;
}

// The search command takes a field name with spaces or symbols in double quotes.
const field = (name: string) => (/^[A-Za-z_][\w.]*$/.test(name) ? name : quote(name));

function leaf(m: Extract<Expr, { t: "match" }>): string {
  const { value } = m;
  if (m.field === null) {
    if (value.kind === "string") return stringTerm(value);
    if (value.kind === "number") return String(value.value);
    return fail(`a keyword search cannot use a ${value.kind} value`);
  }
  const f = field(m.field);
  switch (value.kind) {
    case "string":
      return `${f}=${stringTerm(value)}`;
    case "number":
      return `${f}=${value.value}`;
    case "boolean":
      return `${f}="${value.value}"`;
    case "null":
      return `NOT ${f}=*`;
    case "exists":
      return value.value ? `${f}=*` : `NOT ${f}=*`;
    case "cidr":
      return `${f}="${value.network}"`;
    case "compare":
      return `${f}${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[value.op]}${value.value}`;
    case "expand":
      return fail(`placeholder %${value.placeholder}% has no values in the Splunk pipeline`);
    case "regex":
    case "fieldref":
    case "timepart":
      return fail(
        "a regular expression or field reference inside an OR cannot be expressed in a Splunk search; split the rule or move it to its own AND-ed selection",
      );
  }
}

// `| regex` takes a bare field name; one with symbols is refused rather than misread.
const evalName = (name: string) =>
  /^[A-Za-z_][\w.]*$/.test(name)
    ? name
    : fail(`| regex cannot name the field "${name}"; rename it in a pipeline`);

function deferred(e: Expr, negated: boolean): string | null {
  if (e.t === "not") return deferred(e.arg, !negated);
  if (e.t !== "match" || e.field === null) return null;
  const v = e.value;
  if (v.kind === "regex") {
    const flags = (v.flags.i ? "i" : "") + (v.flags.m ? "m" : "") + (v.flags.s ? "s" : "");
    return `regex ${evalName(e.field)}${negated ? "!=" : "="}"${(flags ? `(?${flags})` : "") + v.pattern.replace(/"/g, '\\"')}"`;
  }
  if (v.kind === "fieldref") {
    const [a, b] = [`lower(${evalField(e.field)})`, `lower(${evalField(v.field)})`];
    const test =
      v.match === "eq"
        ? `${a}==${b}`
        : v.match === "contains"
          ? `like(${a}, "%".${b}."%")`
          : v.match === "startswith"
            ? `like(${a}, ${b}."%")`
            : `like(${a}, "%".${b})`;
    return `where ${negated ? `NOT (${test})` : test}`;
  }
  return null;
}

const group = (e: BoolExpr): string | null => {
  const list = stringValuesOfOneField(e);
  return list && `${field(list.field)} IN (${list.values.map(stringTerm).join(", ")})`;
};

export const splunk: Backend = {
  id: "splunk",
  label: "Splunk SPL",
  language: "splunk",
  extension: "spl",
  convert: (rule, mapping) => splunkQuery(ruleExpr(rule, mapping), mapping.source),
};

export function splunkQuery(expr: Expr, prefix: string | undefined): string {
  const conjuncts = expr.t === "and" ? expr.args : [expr];
  const pipes: string[] = [];
  const search: Expr[] = [];
  for (const c of conjuncts) {
    const d = deferred(c, false);
    if (d) pipes.push(d);
    else if (needsEval(c)) pipes.push(`where ${splunkEval(c)}`);
    else search.push(c);
  }
  const body =
    search.length === 0
      ? "*"
      : serialise(
          search.length === 1 ? search[0]! : { t: "and", args: search },
          // A null test is already `NOT f=*`: negated, it becomes `f=*`, not `NOT NOT f=*`.
          {
            and: " ",
            or: " OR ",
            not: (x, simple) => (simple ? (x.startsWith("NOT ") ? x.slice(4) : `NOT ${x}`) : `NOT (${x})`),
          },
          leaf,
          group,
        );
  return [prefix ? `${prefix} ${body}` : body, ...pipes].join("\n| ");
}
