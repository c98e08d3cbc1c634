// EQL names: the event category before each `where` (a table), every field, and the values
// compared with enumerated ECS fields (`event.category == "process"`).
import { lex } from "@/lib/verify/syntax/lexer";
import { RULES } from "@/lib/verify/syntax/eql";
import { isPunct, literalsAfter, unquote, type Extracted, type NameRef } from "@/lib/verify/names/types";

const KEYWORDS = new Set(
  "where and or not sequence sample by with maxspan until in like regex true false null any of runs head tail filter unique unique_count count sort join descendant child event".split(
    " ",
  ),
);

/** Fields whose values the registry enumerates are checked; other literals are data. */
export function extractEql(text: string, enumerated: (field: string) => boolean = () => false): Extracted {
  const { tokens } = lex(text, RULES);
  const refs: NameRef[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "word") return;
    const next = tokens[i + 1];
    if (isPunct(next, "(")) return; // function
    if (next?.kind === "word" && next.text.toLowerCase() === "where") {
      if (t.text.toLowerCase() !== "any") refs.push({ kind: "table", name: t.text, offset: t.start });
      return;
    }
    if (KEYWORDS.has(t.text.toLowerCase()) || isPunct(tokens[i - 1], "=")) return;
    refs.push({ kind: "field", name: t.text, offset: t.start });
    if (enumerated(t.text))
      for (const v of literalsAfter(tokens, i))
        refs.push({ kind: "value", name: unquote(v), offset: v.start + 1, scope: t.text });
  });
  return { refs, created: new Set() };
}
