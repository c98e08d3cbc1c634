// YARA-L names: the UDM path after each event variable (`$e.target.process.file.full_path`),
// UDM paths written without a variable (search-style hunting blocks), and values compared with
// enumerated UDM fields (`metadata.event_type = "PROCESS_LAUNCH"`). The meta section is prose.
import { lex, type Token } from "@/lib/verify/syntax/lexer";
import { RULES } from "@/lib/verify/syntax/yara-l";
import { isPunct, literalsAfter, unquote, type Extracted, type NameRef } from "@/lib/verify/names/types";

const NOUNS = new Set(
  "metadata principal target src observer intermediary about network security_result extensions additional graph".split(
    " ",
  ),
);
const SECTIONS = new Set(["meta", "events", "match", "outcome", "condition", "options"]);

/** The UDM path a word names, with its offset, or undefined for variables, functions and lists. */
function udmPath(t: Token): { path: string; offset: number } | undefined {
  if (t.text.startsWith("$")) {
    const dot = t.text.indexOf(".");
    return dot === -1 ? undefined : { path: t.text.slice(dot + 1), offset: t.start + dot + 1 };
  }
  const head = t.text.split(".")[0] ?? "";
  return t.text.includes(".") && NOUNS.has(head) ? { path: t.text, offset: t.start } : undefined;
}

export function extractYaraL(text: string, enumerated: (path: string) => boolean = () => false): Extracted {
  const { tokens } = lex(text, RULES);
  const refs: NameRef[] = [];
  let section = "";
  tokens.forEach((t, i) => {
    if (t.kind !== "word") return;
    const next = tokens[i + 1];
    if (SECTIONS.has(t.text) && isPunct(next, ":")) {
      section = t.text;
      return;
    }
    if (section === "meta" || isPunct(next, "(")) return;
    const udm = udmPath(t);
    if (!udm) return;
    refs.push({ kind: "field", name: udm.path, offset: udm.offset });
    if (enumerated(udm.path))
      for (const v of literalsAfter(tokens, i))
        refs.push({ kind: "value", name: unquote(v), offset: v.start + 1, scope: udm.path });
  });
  return { refs, created: new Set() };
}
