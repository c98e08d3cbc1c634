// Turns an offset inside a query's text into a Finding at the file's own line and column.
import type { QueryItem } from "@/lib/verify/extract";
import { position } from "@/lib/verify/types";
import type { Finding } from "@/lib/verify/rules/types";

export function findingAt(
  rule: string,
  query: QueryItem,
  offset: number,
  message: string,
  suggestions?: string[],
): Finding {
  const p = position(query.text, offset);
  return {
    rule,
    file: query.file,
    line: query.line + p.line - 1,
    column: p.column + query.indent,
    message,
    ...(suggestions && suggestions.length > 0 ? { suggestions } : {}),
  };
}
