// Splunk eval-expression form of a detection subtree, for `| where`: used when a regular
// expression or field reference sits inside an OR, which the search command cannot express
// (docs.splunk.com/Documentation/Splunk/latest/SearchReference/ConditionalFunctions#match).
// Strings match as case-insensitive anchored regexes, as Sigma's matching is.
import { BackendError } from "@/lib/sigma/backends/errors";
import { partsToRegex, serialise, type Expr } from "@/lib/sigma/backends/expr";

const fail = (m: string): never => {
  throw new BackendError("splunk", m);
};
const str = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
export const evalField = (name: string) => `'${name.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

// SearchReference, "Date and time format variables"; %V is the ISO 8601 week, as pySigma maps it.
const SPLUNK_TIME = { minute: "%M", hour: "%H", day: "%d", week: "%V", month: "%m", year: "%Y" };

function leaf(m: Extract<Expr, { t: "match" }>): string {
  const f = m.field === null ? "_raw" : evalField(m.field);
  const v = m.value;
  switch (v.kind) {
    case "string": {
      const body = partsToRegex(v.parts);
      const anchored = m.field === null ? body : `^${body}$`;
      // (?s): a Sigma wildcard spans newlines, PCRE's `.` does not without it.
      return `match(${f}, ${str((v.cased ? "(?s)" : "(?is)") + anchored)})`;
    }
    case "number":
      return `${f}==${v.value}`;
    case "boolean":
      return `${f}=="${v.value}"`;
    case "null":
      return `isnull(${f})`;
    case "exists":
      return v.value ? `isnotnull(${f})` : `isnull(${f})`;
    case "cidr":
      return `cidrmatch(${str(v.network)}, ${f})`;
    case "compare":
      return `${f}${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[v.op]}${v.value}`;
    case "timepart":
      // strftime() formats epoch time (as _time holds) in the searching user's time zone.
      return `tonumber(strftime(${f}, "${SPLUNK_TIME[v.part]}"))${{ eq: "==", gt: ">", gte: ">=", lt: "<", lte: "<=" }[v.op]}${v.value}`;
    case "regex": {
      const flags = (v.flags.i ? "i" : "") + (v.flags.m ? "m" : "") + (v.flags.s ? "s" : "");
      return `match(${f}, ${str((flags ? `(?${flags})` : "") + v.pattern)})`;
    }
    case "fieldref": {
      const [a, b] = [`lower(${f})`, `lower(${evalField(v.field)})`];
      return v.match === "eq"
        ? `${a}==${b}`
        : v.match === "contains"
          ? `like(${a}, "%".${b}."%")`
          : v.match === "startswith"
            ? `like(${a}, ${b}."%")`
            : `like(${a}, "%".${b})`;
    }
    case "expand":
      return fail(`placeholder %${v.placeholder}% has no values in the Splunk pipeline`);
  }
}

export function splunkEval(e: Expr): string {
  return serialise(e, { and: " AND ", or: " OR ", not: (x) => `NOT (${x})` }, leaf);
}

/** Whether the subtree holds a value only `| where` can test. */
export function needsEval(e: Expr): boolean {
  if (e.t === "match")
    return e.value.kind === "regex" || e.value.kind === "fieldref" || e.value.kind === "timepart";
  if (e.t === "not") return needsEval(e.arg);
  return e.args.some(needsEval);
}
