// KQL: parse and semantically analyse with Microsoft's language service against the declared
// tables, so syntax errors and invented tables or columns both surface.
import { kusto, type KustoGlobals } from "@/lib/verify/kusto/bridge";
import { position, type QueryProblem } from "@/lib/verify/types";

/** Blanks FileProfile's column-name arguments, keeping every offset (see tables.ts). */
export function prepare(text: string): string {
  return text.replace(
    /(\bFileProfile\s*\()([^()]*)(\))/g,
    (_, open: string, args: string, close: string) => open + args.replace(/[^\n]/g, " ") + close,
  );
}

export function checkKql(text: string, globals: KustoGlobals): QueryProblem[] {
  return kusto()
    .analyze(prepare(text), globals)
    .filter((d) => d.Severity === "Error")
    .map((d) => ({ ...position(text, d.Start), message: `${d.Code}: ${d.Message}` }));
}

/** Errors inside `fragment` when it is inserted into `base` at `offset`, positioned in the fragment. */
function fragmentErrors(
  base: string,
  fragment: string,
  offset: number,
  globals: KustoGlobals,
): QueryProblem[] {
  const head = base.slice(0, offset).replace(/[\s;]+$/, "") + "\n";
  const text = head + fragment.replace(/\s+$/, "") + "\n" + base.slice(offset);
  const end = head.length + fragment.replace(/\s+$/, "").length;
  return kusto()
    .analyze(prepare(text), globals)
    .filter((d) => d.Severity === "Error" && d.Start >= head.length && d.Start <= end)
    .map((d) => ({ ...position(fragment, d.Start - head.length), message: `${d.Code}: ${d.Message}` }));
}

/**
 * A tuning exclusion is either a whole query or a fragment (`| where not(...)`) that goes into the
 * detection query: at the end, or (as its advice may say) before one of its pipes. The fragment
 * passes if it is clean at some pipe boundary; otherwise the problems of appending it are reported.
 * Problems in the detection query itself are reported against `query`, not here.
 */
export function checkKqlExclusion(
  exclusion: string,
  base: string | undefined,
  globals: KustoGlobals,
): QueryProblem[] {
  const trimmed = exclusion.trimStart();
  if (!trimmed.startsWith("|")) {
    // `and not ...` continues a where clause; there is no single place to check it.
    if (/^(and|or|not)\b/i.test(trimmed)) return [];
    return checkKql(exclusion, globals);
  }
  if (base === undefined) return [];
  const appended = fragmentErrors(base, exclusion, base.length, globals);
  if (appended.length === 0) return [];
  for (const m of base.matchAll(/^[ \t]*\|/gm)) {
    if (m.index === 0) continue;
    if (fragmentErrors(base, exclusion, m.index, globals).length === 0) return [];
  }
  return appended;
}
