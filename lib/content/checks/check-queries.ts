// Runs the checker for each query's language and reports problems with file, field and file line.
import type { QueryItem } from "@/lib/content/checks/extract";
import { checkKql, checkKqlExclusion } from "@/lib/content/checks/kusto/check-kql";
import type { KustoGlobals } from "@/lib/content/checks/kusto/bridge";
import type { QueryProblem } from "@/lib/content/checks/types";
import type { QueryLanguage } from "@/lib/content/schema";

export type QueryReport = { file: string; field: string; line: number; column: number; language: QueryLanguage; message: string };

export type CheckContext = { kustoGlobals: KustoGlobals };

export const CHECKED_LANGUAGES: QueryLanguage[] = ["kql"];

function problemsOf(item: QueryItem, ctx: CheckContext): QueryProblem[] {
  switch (item.language) {
    case "kql":
      return item.field.includes("exclusion")
        ? checkKqlExclusion(item.text, item.base, ctx.kustoGlobals)
        : checkKql(item.text, ctx.kustoGlobals);
    default:
      return [];
  }
}

export function checkQueries(items: QueryItem[], ctx: CheckContext): QueryReport[] {
  return items.flatMap((item) =>
    problemsOf(item, ctx).map((p) => ({
      file: item.file,
      field: item.field,
      line: item.line + p.line - 1,
      column: p.column,
      language: item.language,
      message: p.message,
    })),
  );
}
