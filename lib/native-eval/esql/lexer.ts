// ES|QL tokens. "..." strings take backslash escapes (\\ \" \n \r \t); """...""" strings are raw.
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-syntax.html#esql-syntax-literals
import { NativeEvalError } from "@/lib/native-eval/types";

export type Tok = { kind: "word" | "string" | "number" | "punct"; text: string; value: string; at: number };

const PUNCT = [
  "==",
  "!=",
  "<=",
  ">=",
  "=~",
  "<",
  ">",
  "(",
  ")",
  ",",
  "|",
  "=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "[",
  "]",
  ":",
];
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) i++;
    else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new NativeEvalError("unclosed comment", i);
      i = end + 2;
    } else if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      if (end < 0) throw new NativeEvalError("unclosed triple-quoted string", i);
      out.push({ kind: "string", text: text.slice(i, end + 3), value: text.slice(i + 3, end), at: i });
      i = end + 3;
    } else if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\") {
          const esc = ESCAPES[text[j + 1] ?? ""];
          if (esc === undefined)
            throw new NativeEvalError(`invalid escape \\${text[j + 1]} in a "..." string`, j);
          value += esc;
          j++;
        } else value += text[j];
      }
      if (j >= text.length) throw new NativeEvalError("unclosed string", i);
      out.push({ kind: "string", text: text.slice(i, j + 1), value, at: i });
      i = j + 1;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i))!;
      out.push({ kind: "number", text: m[0], value: m[0], at: i });
      i += m[0].length;
    } else if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) throw new NativeEvalError("unclosed quoted identifier", i);
      out.push({ kind: "word", text: text.slice(i, end + 1), value: text.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (/[A-Za-z_@]/.test(ch)) {
      const m = /^[A-Za-z_@][A-Za-z0-9_.@]*/.exec(text.slice(i))!;
      out.push({ kind: "word", text: m[0], value: m[0], at: i });
      i += m[0].length;
    } else {
      const p = PUNCT.find((op) => text.startsWith(op, i));
      if (!p) throw new NativeEvalError(`unexpected "${ch}"`, i);
      out.push({ kind: "punct", text: p, value: p, at: i });
      i += p.length;
    }
  }
  return out;
}
