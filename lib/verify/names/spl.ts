// SPL names: data-model datasets and sourcetypes (tables), fields in search terms, eval and
// where expressions, stats functions and BY clauses, table/fields/dedup/sort lists. Fields the
// search creates (eval x=, AS x, rex named groups, lookup OUTPUT, spath output=) are created.
import { lex, type Token } from "@/lib/verify/syntax/lexer";
import { RULES } from "@/lib/verify/syntax/spl";
import {
  COMPARISONS,
  isPunct,
  isWord,
  namedGroups,
  unquote,
  type Extracted,
  type NameRef,
} from "@/lib/verify/names/types";

const KEYWORDS = new Set(
  "and or not xor in like as by over where output outputnew true false null".split(" "),
);
/** Commands whose arguments are field lists (besides options `name=value`). */
const LIST_COMMANDS = new Set([
  "table",
  "fields",
  "dedup",
  "sort",
  "mvexpand",
  "makemv",
  "fillnull",
  "transaction",
  "bin",
  "bucket",
  "top",
  "rare",
  "convert",
  "filldown",
  "nomv",
  "mvcombine",
]);
const STATS_COMMANDS = new Set([
  "stats",
  "eventstats",
  "streamstats",
  "chart",
  "timechart",
  "tstats",
  "sistats",
  "geostats",
]);
const SEARCH_COMMANDS = new Set(["search", "regex"]);
/** Search terms whose values name a table rather than a field value. */
const SOURCE_TERMS = new Set(["sourcetype", "datamodel"]);
const IGNORED_TERMS = new Set([
  "index",
  "source",
  "eventtype",
  "tag",
  "host_tag",
  "nodename",
  "earliest",
  "latest",
]);
/** Fields `iplocation` adds. */
const IPLOCATION = ["City", "Country", "Region", "lat", "lon"];

/** `group` numbers the search or subsearch a segment belongs to. */
type Segment = { command: string; tokens: Token[]; group: number };

/** Splits the query at pipes and subsearch brackets; text not after a pipe is a search. */
function segments(tokens: Token[]): Segment[] {
  const out: Segment[] = [];
  let current: Token[] = [];
  let afterPipe = false;
  const groups = [0];
  let nextGroup = 1;
  const flush = () => {
    const head = current[0];
    const group = groups.at(-1) ?? 0;
    if (afterPipe && head?.kind === "word")
      out.push({ command: head.text.toLowerCase(), tokens: current.slice(1), group });
    else if (current.length > 0) out.push({ command: "search", tokens: current, group });
    current = [];
  };
  for (const t of tokens) {
    if (isPunct(t, "|", "[", "]")) {
      flush();
      if (t.text === "[") groups.push(nextGroup++);
      if (t.text === "]") groups.pop();
      afterPipe = t.text === "|";
      continue;
    }
    current.push(t);
  }
  flush();
  return out;
}

/** A field reference; in expressions `a-b` and `a.` (concatenation) are split off the name. */
function field(refs: NameRef[], t: Token, expression = false) {
  const quoted = t.text.startsWith("'");
  const raw = quoted ? t.text.slice(1, -1) : t.text;
  if (raw.includes("*") || raw.startsWith("`")) return;
  const offset = t.start + (quoted ? 1 : 0);
  if (quoted) return refs.push({ kind: "field", name: raw, offset });
  let at = 0;
  for (const part of expression ? raw.split(/(?<=[^.])-/) : [raw]) {
    const name = part.replace(/\.+$/, "");
    if (/^[A-Za-z_]/.test(name)) refs.push({ kind: "field", name, offset: offset + at });
    at += part.length + 1;
  }
}

/**
 * `lookup <table> <column> [AS <field>] ... OUTPUT <column> [AS <field>] ...`: input columns are
 * matched against event fields (the name after AS when given); outputs become new fields.
 */
function walkLookup(tokens: Token[], refs: NameRef[], created: Set<string>) {
  const words = tokens.filter((t) => t.kind === "word");
  let output = false;
  for (let i = 1; i < words.length; i++) {
    const t = words[i] as Token;
    if (isWord(t, "output", "outputnew")) {
      output = true;
      continue;
    }
    if (isWord(t, "as")) continue;
    const renamed = isWord(words[i + 1], "as") ? words[i + 2] : undefined;
    const name = renamed ?? t;
    if (output) created.add(name.text);
    else field(refs, name);
    if (renamed) i += 2;
  }
}

function walk(seg: Segment, refs: NameRef[], created: Set<string>) {
  const { command, tokens } = seg;
  if (command === "lookup") {
    // Options such as local=true are neither columns nor fields.
    const plain = tokens.filter((_, i) => !isPunct(tokens[i + 1], "=") && !isPunct(tokens[i - 1], "="));
    return walkLookup(plain, refs, created);
  }
  let clause = STATS_COMMANDS.has(command) ? "stats" : SEARCH_COMMANDS.has(command) ? "search" : command;
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (t.kind === "string") {
      if (command === "rex") for (const g of namedGroups(unquote(t))) created.add(g);
      if (isPunct(previous, "=") && SOURCE_TERMS.has((tokens[i - 2]?.text ?? "").toLowerCase()))
        refs.push({
          kind: "table",
          name: unquote(t),
          offset: t.start + 1,
          scope: tokens[i - 2]?.text.toLowerCase(),
        });
      return;
    }
    if (t.kind !== "word") return;
    const lower = t.text.toLowerCase();
    if (lower === "where" && command === "tstats") clause = "search";
    if ((lower === "by" || lower === "over") && (clause === "stats" || command === "tstats")) clause = "by";
    if (isWord(previous, "as")) return created.add(t.text);
    if (KEYWORDS.has(lower) || isPunct(next, "(")) return;
    const before = tokens[i - 2];
    if (isPunct(previous, "=") && before?.kind === "word") {
      const term = before.text.toLowerCase();
      if (SOURCE_TERMS.has(term)) refs.push({ kind: "table", name: t.text, offset: t.start, scope: term });
      else if (clause === "eval" || clause === "where") field(refs, t, true);
      else if (term === "field" || term === "input") field(refs, t);
      else if (term === "output" || term === "outputfield") created.add(t.text);
      return;
    }
    if (isPunct(previous, "!=", "<", ">", "<=", ">=", "==") && clause !== "eval" && clause !== "where")
      return;
    if (isPunct(previous, "-") && LIST_COMMANDS.has(clause)) return field(refs, t); // sort -count
    const assigns = isPunct(next, "=");
    if (assigns) {
      if (clause === "eval" && (i === 0 || isPunct(previous, ","))) return created.add(t.text);
      if (SOURCE_TERMS.has(lower) || IGNORED_TERMS.has(lower)) return;
      if (clause === "search" || clause === "eval" || clause === "where" || clause === "regex")
        return field(refs, t);
      return; // a command option such as summariesonly=false or span=1h
    }
    if (next?.kind === "punct" && COMPARISONS.has(next.text)) return field(refs, t);
    if (isWord(next, "in")) return field(refs, t);
    if (clause === "eval" || clause === "where") return field(refs, t, true);
    if (clause === "by" || LIST_COMMANDS.has(clause)) return field(refs, t);
    if (clause === "rename") return field(refs, t);
    if (clause === "stats" && depthOf(tokens, i) > 0) return field(refs, t);
    if (clause === "stats") return created.add(t.text); // `count` without parentheses names its column
  });
  if (command === "iplocation") IPLOCATION.forEach((f) => created.add(f));
}

function depthOf(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = 0; j < i; j++) {
    if (isPunct(tokens[j], "(")) depth++;
    else if (isPunct(tokens[j], ")")) depth--;
  }
  return depth;
}

export function extractSpl(text: string): Extracted {
  const { tokens } = lex(text, RULES);
  const visible = tokens.filter((t) => !(t.kind === "string" && t.text.startsWith("```")));
  const refs: NameRef[] = [];
  const created = new Set<string>();
  const all = segments(visible);
  // A (sub)search that reads a lookup file works on that file's columns, which no registry knows.
  const fromLookup = new Set(all.filter((s) => s.command === "inputlookup").map((s) => s.group));
  for (const seg of all) {
    if (fromLookup.has(seg.group)) walk(seg, [], new Set());
    else walk(seg, refs, created);
  }
  return { refs, created };
}
