// Sigma regexes are PCRE-style and unanchored; Lucene's regexp syntax (Lucene query strings,
// ES|QL RLIKE, EQL regex) is anchored, has no flags, no lookaround and few shorthand classes.
// This rewrites what has an exact equivalent and refuses the rest.
import { BackendError } from "@/lib/sigma/backends/errors";

// Lucene's RegExp rejects an escaped letter it has no class for (`\n`, `\t`: "invalid character
// class"; older versions read it as the letter itself), so control characters are written as
// themselves; the callers' string quoting turns them into their target's escapes.
const CONTROL: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v" };
// PCRE's \s is tab through carriage return (\t \n \v \f \r) and space; Lucene's own \s lacks \v and \f.
const SHORTHAND: Record<string, string> = { d: "0-9", w: "A-Za-z0-9_", s: "\t-\r " };
// Characters Lucene's regexp treats as operators that PCRE treats as literals.
const LUCENE_LITERAL = new Set(['"', "<", ">", "#", "@", "&", "~"]);

export type LuceneRegexOptions = { target: string; caseInsensitive: "expand" | "native" };

function caseClass(ch: string): string {
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  return lo === up ? ch : `[${lo}${up}]`;
}

/** `a-f` or `A-F`: a range of letters of one case, whose other case is the same range. */
function sameCaseRange(from: string, dash: string | undefined, to: string | undefined): boolean {
  return (
    dash === "-" &&
    to !== undefined &&
    (/[a-z]/.test(from + to) ? /^[a-z]{2}$/ : /^[A-Z]{2}$/).test(from + to)
  );
}

function topLevelPipe(re: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return true;
  }
  return false;
}

export function toLuceneRegex(
  pattern: string,
  flags: { i: boolean; m: boolean; s: boolean },
  opts: LuceneRegexOptions,
): string {
  const fail = (what: string) => {
    throw new BackendError(
      opts.target,
      `the regular expression /${pattern}/ uses ${what}, which Lucene regular expressions cannot express`,
    );
  };
  if (flags.m && /[\^$]/.test(pattern.replace(/\\./g, ""))) fail("multi-line anchors (the m flag)");
  const expand = flags.i && opts.caseInsensitive === "expand";
  let out = "";
  let anchoredStart = false;
  let anchoredEnd = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) fail("a trailing backslash");
      i++;
      if (next! in SHORTHAND) out += `[${SHORTHAND[next!]}]`;
      else if ("DWS".includes(next!)) out += `[^${SHORTHAND[next!.toLowerCase()]}]`;
      else if (next === "b" || next === "B") fail("word boundaries (\\b)");
      else if (/[1-9]/.test(next!)) fail("back-references");
      else if (next! in CONTROL) out += CONTROL[next!];
      else if (/[A-Za-z]/.test(next!)) fail(`the escape \\${next}`);
      else out += `\\${next}`;
    } else if (ch === "[") {
      let j = i + 1;
      let cls = "[";
      if (pattern[j] === "^") cls += pattern[j++];
      if (pattern[j] === "]") cls += `\\${pattern[j++]}`;
      for (; j < pattern.length && pattern[j] !== "]"; j++) {
        const c = pattern[j]!;
        if (c === "\\") {
          const n = pattern[++j]!;
          if (n in SHORTHAND) cls += SHORTHAND[n];
          else if (n in CONTROL) cls += CONTROL[n];
          else if (/[A-Za-z]/.test(n)) fail(`the escape \\${n} inside a character class`);
          else cls += `\\${n}`;
        } else if (expand && sameCaseRange(c, pattern[j + 1], pattern[j + 2])) {
          // a-f is also A-F under the i flag.
          const end = pattern[j + 2]!;
          cls += `${c.toLowerCase()}-${end.toLowerCase()}${c.toUpperCase()}-${end.toUpperCase()}`;
          j += 2;
        } else if (expand && /[a-z]/i.test(c) && pattern[j + 1] !== "-" && pattern[j - 1] !== "-")
          cls += c.toLowerCase() + c.toUpperCase();
        else if (LUCENE_LITERAL.has(c)) cls += `\\${c}`;
        else cls += c;
      }
      if (j >= pattern.length) fail("an unclosed character class");
      out += `${cls}]`;
      i = j;
    } else if (ch === "(") {
      if (pattern[i + 1] === "?") {
        if (pattern[i + 2] === ":") i += 2;
        else fail("lookaround, named groups or inline flags");
      }
      out += "(";
    } else if ((ch === "*" || ch === "+" || ch === "?" || ch === "}") && pattern[i + 1] === "?") {
      out += ch; // lazy and greedy quantifiers match the same strings
      i++;
    } else if (ch === "^") {
      if (i !== 0) fail("a ^ anchor that is not at the start");
      anchoredStart = true;
    } else if (ch === "$") {
      if (i !== pattern.length - 1) fail("a $ anchor that is not at the end");
      anchoredEnd = true;
    } else if (ch === "." && !flags.s) out += "[^\n]";
    else if (LUCENE_LITERAL.has(ch)) out += `\\${ch}`;
    else if (expand && /[a-z]/i.test(ch)) out += caseClass(ch);
    else out += ch;
  }
  if (topLevelPipe(out)) {
    if (anchoredStart || anchoredEnd) fail("anchors beside a top-level alternation");
    out = `(${out})`;
  }
  return `${anchoredStart ? "" : ".*"}${out}${anchoredEnd ? "" : ".*"}`;
}
