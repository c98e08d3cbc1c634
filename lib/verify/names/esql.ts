// ES|QL names: the index patterns after FROM (tables), every column, and enumerated values.
// Columns the query makes (EVAL/STATS `x =`, RENAME ... AS x, GROK/DISSECT keys) are created.
import { lex, type Token } from "@/lib/verify/syntax/lexer";
import { RULES } from "@/lib/verify/syntax/esql";
import {
  isPunct,
  isWord,
  literalsAfter,
  unquote,
  type Extracted,
  type NameRef,
} from "@/lib/verify/names/types";

const KEYWORDS = new Set(
  `from where and or not in like rlike is null by asc desc nulls first last eval stats sort limit keep drop rename as
  grok dissect mv_expand enrich on with metadata true false row show lookup join inline sample fork completion`.split(
    /\s+/,
  ),
);
const TIME_UNITS = /^(millisecond|second|minute|hour|day|week|month|quarter|year)s?$|^(ms|s|m|h|d)$/i;

function bare(t: Token): string {
  return t.text.startsWith("`") ? t.text.slice(1, -1) : t.text;
}

export function extractEsql(text: string, enumerated: (field: string) => boolean = () => false): Extracted {
  const { tokens } = lex(text, RULES);
  const refs: NameRef[] = [];
  const created = new Set<string>();
  let command = "";
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1];
    if (isPunct(t, "|")) command = "";
    if (t.kind === "string" && (command === "grok" || command === "dissect"))
      for (const m of unquote(t).matchAll(/%\{(?:[A-Z0-9_]+:)?([A-Za-z_@][\w.@]*)(?::\w+)?\}/g))
        created.add(m[1] ?? "");
    if (t.kind !== "word") return;
    const lower = t.text.toLowerCase();
    if (!command && (previous === undefined || isPunct(previous, "|"))) {
      command = lower;
      return;
    }
    if (command === "from") {
      if (isWord(t, "metadata")) command = "from-metadata";
      else refs.push({ kind: "table", name: t.text, offset: t.start });
      return;
    }
    if (command === "from-metadata") return created.add(t.text);
    const next = tokens[i + 1];
    if (isPunct(next, "(") || isPunct(previous, "::")) return;
    if (previous?.kind === "number" && TIME_UNITS.test(t.text)) return;
    if (KEYWORDS.has(lower)) return;
    const name = bare(t);
    if (isPunct(next, "=") || isWord(previous, "as")) return created.add(name);
    if (name.includes("*")) return; // KEEP / DROP patterns
    refs.push({ kind: "field", name, offset: t.start + (t.text.startsWith("`") ? 1 : 0) });
    if (enumerated(name))
      for (const v of literalsAfter(tokens, i))
        refs.push({ kind: "value", name: unquote(v), offset: v.start + 1, scope: name });
  });
  return { refs, created };
}
