// The `search` language (leading search, `| search`, and the WHERE clause of tstats).
// Semantics, per the Search Reference (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/search-commands/search):
// - field values compare case-insensitively, field names case-sensitively; `*` is a wildcard
//   matching any run of characters, and the value must match whole;
// - terms side by side are ANDed; AND binds tighter than OR; NOT negates the next term;
// - `field!=value` matches only events that HAVE the field with another value, while
//   `NOT field=value` also matches events without the field
//   (https://help.splunk.com/en/splunk-enterprise/search/search-manual/latest/search-and-the-search-language/difference-between-not-and-!=);
// - `field IN (a, b)` is `field=a OR field=b`; `field=*` means the field exists; a bare `*` is
//   every event;
// - a value in CIDR notation matches the IPv4 or IPv6 addresses of that subnet ("The search
//   command supports IPv4 and IPv6 addresses and subnets that use CIDR notation");
// - `field=CASE(value)` matches the value case-sensitively (Search Manual: use CASE() and TERM()
//   to match phrases, https://help.splunk.com/splunk-enterprise/search/search-manual/9.0/search-primer/use-case-and-term-to-match-phrases).
// In quoted values a backslash escapes `\` and `"` (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/introduction/understanding-spl-syntax#backslashes).
import { parseCidr, inCidr } from "@/lib/native-eval/cidr";
import { NativeEvalError } from "@/lib/native-eval/types";
import { isNull, num, values, type Row } from "@/lib/native-eval/spl/rows";

export type SearchNode =
  | { t: "and" | "or"; a: SearchNode; b: SearchNode }
  | { t: "not"; a: SearchNode }
  | { t: "cmp"; field: string; op: string; values: string[]; text: string; cased?: boolean }
  | { t: "term"; value: string }
  | { t: "true" };

type Tok = { k: "w" | "s" | "op"; v: string };

export function searchTokens(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let v = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\" && (text[i + 1] === "\\" || text[i + 1] === '"')) {
          v += text[i + 1];
          i += 2;
        } else v += text[i++];
      }
      if (i >= text.length) throw new NativeEvalError("unterminated quoted string in search");
      i++;
      out.push({ k: "s", v });
      continue;
    }
    if (c === "[") throw new NativeEvalError("subsearch [...] inside search");
    const two = text.slice(i, i + 2);
    if (two === "!=" || two === "<=" || two === ">=" || two === "==") {
      out.push({ k: "op", v: two === "==" ? "=" : two });
      i += 2;
      continue;
    }
    if ("()=<>,".includes(c)) {
      out.push({ k: "op", v: c });
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()=<>,"]/.test(text[j]!) && !(text[j] === "!" && text[j + 1] === "=")) j++;
    out.push({ k: "w", v: text.slice(i, j) });
    i = j;
  }
  return out;
}

export type SearchParse = { node: SearchNode; earliest?: string; latest?: string };

export function parseSearch(text: string): SearchParse {
  const toks = searchTokens(text);
  let p = 0;
  const res: SearchParse = { node: { t: "true" } };
  const peek = () => toks[p];
  const isKw = (v: string) => peek()?.k === "w" && peek()!.v === v;
  const value = (): string => {
    const t = toks[p++];
    if (!t || t.k === "op") throw new NativeEvalError(`search: value expected near '${t?.v ?? "end"}'`);
    return t.v;
  };
  function or(): SearchNode {
    let a = and();
    while (isKw("OR")) {
      p++;
      a = { t: "or", a, b: and() };
    }
    return a;
  }
  function and(): SearchNode {
    let a = not();
    for (;;) {
      if (isKw("AND")) {
        p++;
        a = { t: "and", a, b: not() };
        continue;
      }
      const t = peek();
      if (!t || (t.k === "op" && t.v === ")") || isKw("OR")) return a;
      a = { t: "and", a, b: not() };
    }
  }
  function not(): SearchNode {
    if (isKw("NOT")) {
      p++;
      return { t: "not", a: not() };
    }
    return primary();
  }
  function primary(): SearchNode {
    const t = toks[p++];
    if (!t) throw new NativeEvalError("search: unexpected end");
    if (t.k === "op" && t.v === "(") {
      const n = or();
      if (toks[p]?.v !== ")") throw new NativeEvalError("search: ')' expected");
      p++;
      return n;
    }
    if (t.k === "op") throw new NativeEvalError(`search: unexpected '${t.v}'`);
    const nx = peek();
    if (t.k === "w" && nx?.k === "op" && ["=", "!=", "<", ">", "<=", ">="].includes(nx.v)) {
      p++;
      if (toks[p]?.k === "w" && ["CASE", "TERM"].includes(toks[p]!.v) && toks[p + 1]?.v === "(") {
        // TERM() matches indexed terms of _raw, which samples do not carry.
        if (toks[p]!.v === "TERM") throw new NativeEvalError("TERM() directive");
        p += 2;
        const v = value();
        if (toks[p]?.v !== ")") throw new NativeEvalError("search: CASE( expects one value and )");
        p++;
        const text = `${t.v}${nx.v}CASE(${v})`;
        return { t: "cmp", field: t.v, op: nx.v, values: [v], text, cased: true };
      }
      const v = value();
      if (t.v === "earliest" || t.v === "latest") {
        res[t.v] = v;
        return { t: "true" };
      }
      if (["summariesonly", "allow_old_summaries", "prestats"].includes(t.v)) return { t: "true" };
      return { t: "cmp", field: t.v, op: nx.v, values: [v], text: `${t.v}${nx.v}${v}` };
    }
    if (t.k === "w" && isKw("IN")) {
      p++;
      if (toks[p]?.v !== "(") throw new NativeEvalError("search: IN expects (");
      p++;
      const vs: string[] = [];
      while (toks[p] && toks[p]!.v !== ")") {
        if (toks[p]!.k === "op" && toks[p]!.v === ",") {
          p++;
          continue;
        }
        vs.push(value());
      }
      p++;
      return { t: "cmp", field: t.v, op: "=", values: vs, text: `${t.v} IN (${vs.join(", ")})` };
    }
    if (t.k === "w" && t.v === "*") return { t: "true" };
    return { t: "term", value: t.v };
  }
  if (toks.length) res.node = or();
  if (p < toks.length) throw new NativeEvalError(`search: unexpected '${toks[p]!.v}'`);
  return res;
}

/** `*` wildcard, whole value, case-insensitive unless `cased` (CASE()). */
export function wildcardMatch(pattern: string, value: string, cased = false): boolean {
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    cased ? "s" : "is",
  );
  return re.test(value);
}

/** A search value against one field value: a subnet in CIDR notation, else a wildcard pattern. */
function valueMatch(want: string, have: string, cased: boolean): boolean {
  if (want.includes("/") && parseCidr(want)) return inCidr(have, want);
  return wildcardMatch(want, have, cased);
}

function cmpOne(op: string, want: string, have: string | number | boolean, cased: boolean): boolean {
  if (op === "=") return valueMatch(want, String(have), cased);
  const a = num(have as string | number);
  const b = num(want);
  if (a === null || b === null) {
    const s = String(have).toLowerCase();
    const w = want.toLowerCase();
    return op === "<" ? s < w : op === ">" ? s > w : op === "<=" ? s <= w : s >= w;
  }
  return op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b;
}

export function testSearch(n: SearchNode, row: Row): boolean {
  switch (n.t) {
    case "true":
      return true;
    case "and":
      return testSearch(n.a, row) && testSearch(n.b, row);
    case "or":
      return testSearch(n.a, row) || testSearch(n.b, row);
    case "not":
      return !testSearch(n.a, row);
    case "term":
      // A bare term matches the raw event text after Splunk's segmentation; samples carry fields,
      // not _raw, so a term is not evaluated rather than approximated over the field values.
      throw new NativeEvalError(`free-text search term ${n.value}`);
    case "cmp": {
      const v = row.f[n.field];
      if (isNull(v)) return false;
      const vs = values(v);
      if (n.values.length === 1 && n.values[0] === "*" && n.op === "=") return vs.length > 0;
      const cased = n.cased === true;
      if (n.op === "!=") return vs.length > 0 && !vs.some((x) => valueMatch(n.values[0]!, String(x), cased));
      return n.values.some((w) => vs.some((x) => cmpOne(n.op, w, x, cased)));
    }
  }
}

/** The first comparison that fails for this row (the clause that decided a miss). */
export function failingClause(n: SearchNode, row: Row): string {
  if (n.t === "and") return testSearch(n.a, row) ? failingClause(n.b, row) : failingClause(n.a, row);
  if (n.t === "cmp") return n.text;
  if (n.t === "not") return `NOT ${describe(n.a)}`;
  return describe(n);
}

function describe(n: SearchNode): string {
  switch (n.t) {
    case "cmp":
      return n.text;
    case "term":
      return n.value;
    case "true":
      return "true";
    case "not":
      return `NOT ${describe(n.a)}`;
    default:
      return `(${describe(n.a)} ${n.t.toUpperCase()} ${describe(n.b)})`;
  }
}
