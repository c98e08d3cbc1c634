// KQL names beyond the language service: tables and columns are resolved by Microsoft's Kusto
// analyser (lib/verify/kusto), so this finds only enumerated values: the ActionType literals a
// query compares, and the registry tables it reads (whose ActionType lists apply).
import { lex, type LexRules } from "@/lib/verify/syntax/lexer";
import { isWord, literalsAfter, unquote, type Extracted, type NameRef } from "@/lib/verify/names/types";

const RULES: LexRules = {
  quotes: [
    { open: "@'", close: "'", escapes: false, kind: "string", singleLine: true },
    { open: '@"', close: '"', escapes: false, kind: "string", singleLine: true },
    { open: '"', close: '"', escapes: true, kind: "string", singleLine: true },
    { open: "'", close: "'", escapes: true, kind: "string", singleLine: true },
  ],
  lineComments: ["//"],
  blockComments: [],
  operators: ["==", "!=", "=~", "!~", "<=", ">="],
};
/** Operators whose right side must equal an ActionType exactly (modulo case for =~ and in~). */
const EXACT = new Set(["==", "=~", "!=", "!~"]);

export function extractKql(text: string, isTable: (name: string) => boolean): Extracted {
  const { tokens } = lex(text, RULES);
  const refs: NameRef[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "word") return;
    if (isTable(t.text)) refs.push({ kind: "table", name: t.text, offset: t.start });
    if (t.text !== "ActionType") return;
    // `!in` lexes as "!" "in": step over the "!" so the operator is next.
    const at = tokens[i + 1]?.text === "!" ? i + 1 : i;
    const op = tokens[at + 1];
    if (!((op?.kind === "punct" && EXACT.has(op.text)) || isWord(op, "in"))) return;
    for (const v of literalsAfter(tokens, at))
      refs.push({ kind: "value", name: unquote(v), offset: v.start + 1, scope: "ActionType" });
  });
  return { refs, created: new Set() };
}
