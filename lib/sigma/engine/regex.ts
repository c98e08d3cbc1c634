// `|re` values run on re2js, a pure-JavaScript port of RE2: matching is linear in the text, so no
// pattern can backtrack for minutes the way a JavaScript RegExp can (`(a+)+$`). We chose it over a
// worker with a timeout because it needs no thread per request, gives the same answer every time,
// and is the engine KQL itself uses (RE2). What RE2 cannot run in linear time (back-references,
// lookaround, possessive and atomic groups) is refused with the reason instead of being run.
// Compiling is the one cost that grows with the pattern (counted repetitions multiply the
// program), so the program size is estimated from the text first and large ones are refused.
// RE2 differs from JavaScript's RegExp in small ways: `.` excludes only \n, `\s` is ASCII
// whitespace, case folding is Unicode's, and `\A` / `\z` are anchors.
import { RE2JS } from "re2js";
import { MAX_REGEX_CHARS, MAX_REGEX_PROGRAM } from "@/lib/sigma/engine/limits";

export class RegexRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "RegexRefused";
  }
}

export type RegexFlags = { i: boolean; m: boolean; s: boolean };

// RE2 names the construct it refuses; these are the ones a backtracking engine would run.
const UNSUPPORTED: Array<[RegExp, string, string]> = [
  [/`\(\?<?[=!]/, "lookaround ((?=, (?!, (?<=, (?<!)", "Match the context with a second value or selection."],
  [/`\\[1-9k]/, "back-references (\\1, \\k<name>)", "Repeat the group's pattern instead."],
  [/`\(\?>/, "atomic groups ((?>)", "Use a plain group (?:...)."],
  [
    /nested repetition operator: `[*+?}]\+`/,
    "possessive quantifiers (*+, ++, ?+)",
    "Use the greedy quantifier.",
  ],
];

/**
 * An upper bound on the RE2 program size, as RE2's own parser counts it: one instruction per
 * atom, a few per operator, and a counted repetition `{m,n}` multiplying what it repeats. Read
 * from the text in one pass so that it is cheap even where compiling would not be.
 */
export function estimateProgramSize(pattern: string): number {
  type Frame = { done: number; branches: number; concat: number; last: number };
  const stack: Frame[] = [];
  let f: Frame = { done: 0, branches: 1, concat: 0, last: 0 };
  const atom = (n: number) => {
    f.concat += n;
    f.last = n;
  };
  const close = () => f.done + f.concat + f.branches - 1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      const n = pattern[i + 1];
      if (n === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const stop = end < 0 ? pattern.length : end;
        f.concat += stop - (i + 2);
        f.last = 1;
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if ((n === "p" || n === "P" || n === "x") && pattern[i + 2] === "{") {
        const end = pattern.indexOf("}", i);
        i = end < 0 ? pattern.length : end;
      } else i += n === "x" ? 3 : n === "p" || n === "P" ? 2 : 1;
      atom(1);
    } else if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") {
        if (pattern[j] === "\\") j += 2;
        else if (pattern.startsWith("[:", j)) {
          const end = pattern.indexOf(":]", j + 2);
          j = end < 0 ? j + 1 : end + 2;
        } else j++;
      }
      i = j;
      atom(1);
    } else if (c === "(") {
      const head = /^\((?:\?(?:P?<[^>]{0,64}>|[a-zA-Z-]{0,16}(:|\))))?/.exec(pattern.slice(i, i + 72))!;
      i += head[0].length - 1;
      if (head[1] === ")") continue;
      stack.push(f);
      f = { done: 0, branches: 1, concat: 0, last: 0 };
    } else if (c === ")") {
      const inner = close() + 2;
      f = stack.pop() ?? { done: 0, branches: 1, concat: 0, last: 0 };
      atom(inner);
    } else if (c === "|") {
      f.done += f.concat;
      f.branches++;
      f.concat = 0;
      f.last = 0;
    } else if (c === "*" || c === "+" || c === "?") {
      f.concat += 2;
      f.last += 2;
      if (pattern[i + 1] === "?") i++;
    } else if (c === "{") {
      const m = /^\{(\d{1,7})(,(\d{0,7}))?\}/.exec(pattern.slice(i, i + 18));
      if (!m) {
        atom(1);
        continue;
      }
      const min = Number(m[1]);
      const max = m[2] ? (m[3] ? Number(m[3]) : -1) : min;
      const repeated =
        max === -1 ? (min === 0 ? 2 : 1 + min * f.last) : max * f.last + Math.max(0, max - min);
      f.concat += repeated - f.last;
      f.last = repeated;
      i += m[0].length - 1;
      if (pattern[i + 1] === "?") i++;
    } else atom(1);
  }
  while (stack.length) {
    const inner = close() + 2;
    f = stack.pop()!;
    atom(inner);
  }
  return close();
}

/** Checks and compiles a Sigma regex; throws RegexRefused with a reason and a hint. */
export function compileRegex(pattern: string, flags: RegexFlags): { re: RE2JS; size: number } {
  if (pattern.length > MAX_REGEX_CHARS)
    throw new RegexRefused(
      `the regular expression is ${pattern.length} characters, over the ${MAX_REGEX_CHARS} limit`,
      "Split it into several shorter values.",
    );
  const size = estimateProgramSize(pattern);
  if (size > MAX_REGEX_PROGRAM)
    throw new RegexRefused(
      `the regular expression expands to about ${size} instructions, over the ${MAX_REGEX_PROGRAM} limit`,
      "Use smaller repetition counts ({1,20} rather than {1,999}) or + and *.",
    );
  const bits =
    (flags.i ? RE2JS.CASE_INSENSITIVE : 0) | (flags.m ? RE2JS.MULTILINE : 0) | (flags.s ? RE2JS.DOTALL : 0);
  try {
    return { re: RE2JS.compile(pattern, bits), size };
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, "");
    const unsupported = UNSUPPORTED.find(([re]) => re.test(message));
    if (unsupported)
      throw new RegexRefused(
        `the regular expression uses ${unsupported[1]}, which cannot run in linear time (${message})`,
        unsupported[2],
      );
    throw new RegexRefused(
      `invalid regular expression: ${message}`,
      /\\[uc]|\\Z/.test(pattern)
        ? "Write \\x{41} for a code point and $ or \\z for the end; the RE2 syntax is documented at github.com/google/re2/wiki/Syntax."
        : "Fix the syntax; regular expressions follow RE2 (github.com/google/re2/wiki/Syntax).",
    );
  }
}

type RegexValue = { pattern: string; flags: RegexFlags };
type Compiled = { re: RE2JS; size: number };
const compiledValues = new WeakMap<RegexValue, Compiled>();
// Recently compiled patterns: rules are parsed again and again (the corpus at every build and
// test, the same rule at every converter request) and re2js compiles far slower than RegExp.
const recent = new Map<string, Compiled>();
const RECENT = 512;

/** The compiled program of a regex value, compiled once (at parse time, where errors are located). */
export function regexOf(value: RegexValue): Compiled {
  let compiled = compiledValues.get(value);
  if (compiled) return compiled;
  const key = `${+value.flags.i}${+value.flags.m}${+value.flags.s}${value.pattern}`;
  compiled = recent.get(key);
  if (compiled) recent.delete(key);
  else compiled = compileRegex(value.pattern, value.flags);
  recent.set(key, compiled);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  compiledValues.set(value, compiled);
  return compiled;
}
