// Regular expressions for SPL (PCRE: https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/evaluation-functions/comparison-and-conditional-functions#match)
// and LogScale (its own Java-like dialect: https://library.humio.com/data-analysis/syntax-regular-expression.html).
// Patterns run on re2js first: linear time, and it understands inline flags such as `(?i)` anywhere.
// A pattern RE2 refuses (lookaround, back-references) runs on JavaScript's RegExp instead, only
// when the pattern and the text are small enough that backtracking cannot run away on our samples.
import { RE2JS } from "re2js";
import { NativeEvalError } from "@/lib/native-eval/types";

const MAX_PATTERN = 2000;
const MAX_TEXT = 20000;

export type CompiledRegex = {
  test(text: string): boolean;
  /** Named groups of the first match, or null when it does not match. */
  groups(text: string): Record<string, string> | null;
  source: string;
};

const cache = new Map<string, CompiledRegex>();

export function compileRegex(
  pattern: string,
  flags: { i?: boolean; m?: boolean; s?: boolean } = {},
): CompiledRegex {
  const key = `${flags.i ? "i" : ""}${flags.m ? "m" : ""}${flags.s ? "s" : ""}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (pattern.length > MAX_PATTERN) throw new NativeEvalError(`regex longer than ${MAX_PATTERN} characters`);
  let compiled: CompiledRegex;
  try {
    let f = 0;
    if (flags.i) f |= RE2JS.CASE_INSENSITIVE;
    if (flags.m) f |= RE2JS.MULTILINE;
    if (flags.s) f |= RE2JS.DOTALL;
    const re = RE2JS.compile(pattern, f);
    const names = [...pattern.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
    compiled = {
      source: pattern,
      test: (text) => re.matcher(text).find(),
      groups: (text) => {
        const m = re.matcher(text);
        if (!m.find()) return null;
        const out: Record<string, string> = {};
        for (const n of names) {
          const v = m.group(n);
          if (v !== null && v !== undefined) out[n] = v;
        }
        return out;
      },
    };
  } catch {
    // PCRE's leading (?i) becomes a flag; any other inline group JS does not know fails below.
    let p = pattern;
    let jsFlags = "";
    const lead = /^\(\?([ims]+)\)/.exec(p);
    if (lead) {
      jsFlags += lead[1];
      p = p.slice(lead[0].length);
    }
    if (flags.i && !jsFlags.includes("i")) jsFlags += "i";
    if (flags.m && !jsFlags.includes("m")) jsFlags += "m";
    if (flags.s && !jsFlags.includes("s")) jsFlags += "s";
    let re: RegExp;
    try {
      re = new RegExp(p, jsFlags);
    } catch (e) {
      throw new NativeEvalError(`regex not supported: ${pattern} (${(e as Error).message})`);
    }
    const bound = (text: string) => {
      if (text.length > MAX_TEXT)
        throw new NativeEvalError(`text longer than ${MAX_TEXT} characters for a backtracking regex`);
      return text;
    };
    compiled = {
      source: pattern,
      test: (text) => re.test(bound(text)),
      groups: (text) => {
        const m = re.exec(bound(text));
        if (!m) return null;
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) out[k] = v;
        return out;
      },
    };
  }
  cache.set(key, compiled);
  return compiled;
}
