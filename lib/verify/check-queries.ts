// Runs the checker for each query's language and reports problems with file, field and file line.
// Tuning exclusions are checked where they go: appended (`| ...`), inside a where clause
// (`and not ...`), or in a YARA-L rule's events section; only problems inside them are reported.
import type { QueryItem } from "@/lib/verify/extract";
import { checkKql, checkKqlExclusion } from "@/lib/verify/kusto/check-kql";
import type { KustoGlobals } from "@/lib/verify/kusto/bridge";
import { checkEql } from "@/lib/verify/syntax/eql";
import { checkEsql } from "@/lib/verify/syntax/esql";
import { checkLogScale } from "@/lib/verify/syntax/logscale";
import { checkSpl } from "@/lib/verify/syntax/spl";
import { checkYaraL } from "@/lib/verify/syntax/yara-l";
import type { QueryChecker, QueryProblem } from "@/lib/verify/types";
import type { QueryLanguage } from "@/lib/content/schema";

export type QueryReport = {
  file: string;
  field: string;
  line: number;
  column: number;
  language: QueryLanguage;
  message: string;
};

export type CheckContext = { kustoGlobals: KustoGlobals };

const SYNTAX: Record<Exclude<QueryLanguage, "kql">, QueryChecker> = {
  eql: checkEql,
  esql: checkEsql,
  spl: checkSpl,
  "yara-l": checkYaraL,
  logscale: checkLogScale,
};

/**
 * Checks `fragment` placed after the first `insertAtLine - 1` lines of `context`, keeping only
 * problems on the fragment's own lines, renumbered from 1.
 */
function checkPlaced(
  checker: QueryChecker,
  context: string,
  fragment: string,
  insertAtLine: number,
): QueryProblem[] {
  const lines = context.replace(/\s+$/, "").split("\n");
  const before = lines.slice(0, insertAtLine - 1);
  const own = fragment.replace(/\s+$/, "").split("\n");
  const text = [...before, ...own, ...lines.slice(insertAtLine - 1)].join("\n");
  return checker(text)
    .filter((p) => p.line > before.length && p.line <= before.length + own.length)
    .map((p) => ({ ...p, line: p.line - before.length }));
}

function checkExclusion(item: QueryItem, checker: QueryChecker): QueryProblem[] {
  const fragment = item.text;
  const trimmed = fragment.trimStart();
  const base = item.base ?? "";
  if (item.language === "eql") return checkPlaced(checker, "any where true", fragment, 2);
  if (item.language === "yara-l") {
    // Exclusions are lines for the events section: insert them just before the next section.
    const lines = base.split("\n");
    const next = lines.findIndex((l) => /^\s*(match|outcome|condition|options)\s*:/.test(l));
    return base ? checkPlaced(checker, base, fragment, next === -1 ? lines.length : next + 1) : [];
  }
  if (trimmed.startsWith("|") && base)
    return checkPlaced(checker, base, fragment, base.replace(/\s+$/, "").split("\n").length + 1);
  return checker(fragment);
}

function problemsOf(item: QueryItem, ctx: CheckContext): QueryProblem[] {
  const exclusion = item.field.includes("exclusion");
  if (item.language === "kql")
    return exclusion
      ? checkKqlExclusion(item.text, item.base, ctx.kustoGlobals)
      : checkKql(item.text, ctx.kustoGlobals);
  const checker = SYNTAX[item.language];
  return exclusion ? checkExclusion(item, checker) : checker(item.text);
}

export function checkQueries(items: QueryItem[], ctx: CheckContext): QueryReport[] {
  return items.flatMap((item) =>
    problemsOf(item, ctx).map((p) => ({
      file: item.file,
      field: item.field,
      line: item.line + p.line - 1,
      column: p.column + item.indent,
      language: item.language,
      message: p.message,
    })),
  );
}
