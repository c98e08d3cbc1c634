// LogScale names: fields in filters and function arguments, and #event_simpleName values.
// Fields made by the query (`x :=`, `as=x`, `include=[...]`, regex named groups, eval targets)
// are created, not looked up.
import { lex, type Token } from "@/lib/verify/syntax/lexer";
import { RULES } from "@/lib/verify/syntax/logscale";
import {
  COMPARISONS,
  isPunct,
  namedGroups,
  unquote,
  type Extracted,
  type NameRef,
} from "@/lib/verify/names/types";

const KEYWORDS = new Set("and or not case match in like true false asc desc".split(" "));
/** Function parameters whose value names an input field. */
const FIELD_PARAMS = new Set(["field", "fields", "key", "keys", "groupby", "timefield", "sortby", "x", "y"]);
/** Parameters whose value names a field the function writes. */
const OUTPUT_PARAMS = new Set(["as", "include", "column", "prefix"]);
const EVENT_NAME = "#event_simpleName";
/** Functions that add sub-fields to the field they are given (LogScale's ipLocation() and asn()). */
const ENRICHERS: Record<string, string[]> = {
  iplocation: ["country", "city", "state", "lat", "lon"],
  asn: ["asn", "org"],
};

/** Event names in a value: a word, a string, or a regex of literal alternatives (`/^(A|B)$/`). */
function eventNames(t: Token): Array<{ name: string; offset: number }> {
  if (t.kind === "word" || t.kind === "string") {
    const name = t.kind === "string" ? unquote(t) : t.text;
    return name.includes("*") ? [] : [{ name, offset: t.start + (t.kind === "string" ? 1 : 0) }];
  }
  if (t.kind !== "regex") return [];
  const body = t.text.slice(1, t.text.lastIndexOf("/"));
  const inner = body.replace(/^\^?\(?/, "").replace(/\)?\$?$/, "");
  if (!/^[A-Za-z0-9_]+(\|[A-Za-z0-9_]+)*$/.test(inner) || !/^\^/.test(body) || !/\$$/.test(body)) return [];
  let at = t.start + 1 + body.indexOf(inner);
  return inner.split("|").map((name) => {
    const item = { name, offset: at };
    at += name.length + 1;
    return item;
  });
}

type Frame = { fn: string; param: string; lists: number };

export function extractLogScale(text: string): Extracted {
  const { tokens } = lex(text, RULES);
  const refs: NameRef[] = [];
  const created = new Set<string>();
  const stack: Frame[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    const frame = stack.at(-1);
    if (t.kind === "regex" || t.kind === "string") for (const g of namedGroups(t.text)) created.add(g);
    if (t.kind === "punct") {
      if (t.text === "(")
        stack.push({ fn: previous?.kind === "word" ? previous.text.toLowerCase() : "", param: "", lists: 0 });
      else if (t.text === "{")
        stack.push({ fn: "", param: "", lists: 0 }); // case / subquery: filters again
      else if (t.text === ")" || t.text === "}") stack.pop();
      else if (frame && t.text === "[") frame.lists++;
      else if (frame && t.text === "]") frame.lists--;
      // A comma inside `field=[a, b]` keeps the parameter; one between arguments ends it.
      else if (frame && t.text === "," && frame.lists === 0) frame.param = "";
      return;
    }
    if (t.kind === "string" && frame && FIELD_PARAMS.has(frame.param))
      refs.push({ kind: "field", name: unquote(t), offset: t.start + 1 });
    if (t.kind !== "word" || t.text.startsWith("$")) return;
    if (isPunct(next, "(") || (isPunct(next, ":") && tokens[i + 3] && isPunct(tokens[i + 3], "("))) return;
    if (isPunct(previous, ":") && isPunct(next, "(")) return;
    const enriched = frame && ENRICHERS[frame.fn];
    if (enriched && !frame.param && !isPunct(next, "="))
      enriched.forEach((sub) => created.add(`${t.text}.${sub}`));
    if (frame && frame.fn) {
      if (isPunct(next, "=") && frame.fn !== "eval" && frame.fn !== "test") {
        frame.param = t.text.toLowerCase();
        return;
      }
      if (frame.fn === "eval" && isPunct(next, "=")) return created.add(t.text);
      if (frame.param && OUTPUT_PARAMS.has(frame.param)) return created.add(t.text);
      if (frame.param && !FIELD_PARAMS.has(frame.param)) return;
    }
    if (KEYWORDS.has(t.text.toLowerCase())) return;
    if (isPunct(next, ":=")) return created.add(t.text);
    // A bare word right after a comparison is a value (`event_platform=Win`), not a field.
    if (previous?.kind === "punct" && COMPARISONS.has(previous.text) && !(frame && frame.fn)) return;
    refs.push({ kind: "field", name: t.text, offset: t.start });
    const value = tokens[i + 2];
    if (t.text === EVENT_NAME && next?.kind === "punct" && COMPARISONS.has(next.text) && value)
      for (const v of eventNames(value))
        refs.push({ kind: "value", name: v.name, offset: v.offset, scope: EVENT_NAME });
  });
  return { refs, created };
}
