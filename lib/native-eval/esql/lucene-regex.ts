// Lucene regular expressions, as EQL `regex`/`regex~` and ES|QL `RLIKE` read them, translated to a
// JavaScript RegExp. Lucene's syntax differs from PCRE/JS: the whole value must match (patterns are
// anchored at both ends), `"..."` quotes a literal string, `\` escapes any character, and the
// optional operators `~ & < > # @` are not JS operators.
// https://www.elastic.co/guide/en/elasticsearch/reference/current/regexp-syntax.html
// `\d \s \w` (and their negations) are classes since Lucene 9 (Elasticsearch 8).
import { NativeEvalError } from "@/lib/native-eval/types";

const CLASSES: Record<string, string> = { d: "\\d", D: "\\D", s: "\\s", S: "\\S", w: "\\w", W: "\\W" };
const OPTIONAL_OPERATORS = new Set(["~", "&", "<", ">", "#", "@"]);

function escapeJs(ch: string, inClass = false): string {
  return (inClass ? /[\\^\]\[-]/ : /[\\^$.*+?()[\]{}|/]/).test(ch) ? `\\${ch}` : ch;
}

/** Translates a Lucene pattern; throws NativeEvalError for the operators it does not translate. */
export function luceneToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) throw new NativeEvalError("Lucene regex ends with a lone backslash");
      i++;
      out += !inClass && CLASSES[next] ? CLASSES[next] : escapeJs(next, inClass);
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      out += ch === "[" ? "\\[" : ch;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      out += ch;
      if (pattern[i + 1] === "^") out += pattern[++i];
      continue;
    }
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      if (end < 0) throw new NativeEvalError("Lucene regex has an unclosed quoted string");
      out += [...pattern.slice(i + 1, end)].map((c) => escapeJs(c)).join("");
      i = end;
      continue;
    }
    if (ch === ".") out += "[\\s\\S]";
    else if (OPTIONAL_OPERATORS.has(ch))
      throw new NativeEvalError(`Lucene regex operator "${ch}" (escape it to match the character)`);
    else if (ch === "^" || ch === "$" || ch === "/") out += `\\${ch}`;
    else out += ch;
  }
  try {
    return new RegExp(`^(?:${out})$`, caseInsensitive ? "iu" : "u");
  } catch (error) {
    throw new NativeEvalError(`Lucene regex does not compile: ${(error as Error).message}`);
  }
}
