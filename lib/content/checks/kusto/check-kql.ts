// KQL: parse and semantically analyse with Microsoft's language service against the declared
// tables, so syntax errors and invented tables or columns both surface.
import { kusto, type KustoGlobals } from "@/lib/content/checks/kusto/bridge";
import { position, type QueryProblem } from "@/lib/content/checks/types";

export function checkKql(text: string, globals: KustoGlobals): QueryProblem[] {
  return kusto()
    .analyze(text, globals)
    .filter((d) => d.Severity === "Error")
    .map((d) => ({ ...position(text, d.Start), message: `${d.Code}: ${d.Message}` }));
}

/**
 * A tuning exclusion is either a whole query or a fragment appended to the detection query
 * (`| where not(...)`). Fragments are checked in place, and only problems inside them count:
 * problems in the detection query itself are reported against `query`.
 */
export function checkKqlExclusion(exclusion: string, base: string | undefined, globals: KustoGlobals): QueryProblem[] {
  const trimmed = exclusion.trimStart();
  if (!trimmed.startsWith("|")) {
    if (/^(and|or|not)\b/i.test(trimmed) && base !== undefined) return [];
    return checkKql(exclusion, globals);
  }
  if (base === undefined) return [];
  const prefix = `${base.replace(/[\s;]+$/, "")}\n`;
  const prefixLines = prefix.split("\n").length - 1;
  return kusto()
    .analyze(prefix + exclusion, globals)
    .filter((d) => d.Severity === "Error" && d.Start >= prefix.length)
    .map((d) => {
      const p = position(prefix + exclusion, d.Start);
      return { line: p.line - prefixLines, column: p.column, message: `${d.Code}: ${d.Message}` };
    });
}
