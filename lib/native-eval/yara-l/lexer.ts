// YARA-L 2.0 tokens: event fields ($e.principal.hostname), variables ($x, #x), "strings" with
// backslash escapes, `raw strings` for regular expressions, /regex/ literals (RE2), numbers,
// function names (re.regex, net.ip_in_range_cidr), comments.
// https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax
import { NativeEvalError } from "@/lib/native-eval/types";

export type Tok = {
  kind: "field" | "var" | "count" | "string" | "regex" | "number" | "word" | "punct";
  text: string;
  value: string;
  at: number;
};

const PUNCT = ["!=", "<=", ">=", "=", "<", ">", "(", ")", ",", "[", "]", ":", "{", "}", "+", "-", "*", "!"];
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };

export function tokenize(text: string, base = 0): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const push = (kind: Tok["kind"], raw: string, value: string) => {
    out.push({ kind, text: raw, value, at: base + i });
    i += raw.length;
  };
  while (i < text.length) {
    const ch = text[i]!;
    const rest = text.slice(i);
    const prev = out[out.length - 1];
    if (/\s/.test(ch)) i++;
    else if (rest.startsWith("//")) while (i < text.length && text[i] !== "\n") i++;
    else if (rest.startsWith("/*")) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new NativeEvalError("unclosed comment", base + i);
      i = end + 2;
    } else if (ch === "/" && (!prev || prev.kind === "punct")) {
      let j = i + 1;
      for (; j < text.length && text[j] !== "/"; j++) if (text[j] === "\\") j++;
      if (j >= text.length) throw new NativeEvalError("unclosed regular expression", base + i);
      push("regex", text.slice(i, j + 1), text.slice(i + 1, j).replace(/\\\//g, "/"));
    } else if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\") {
          const esc = ESCAPES[text[j + 1] ?? ""];
          if (esc === undefined) throw new NativeEvalError(`escape \\${text[j + 1]}`, base + j);
          value += esc;
          j++;
        } else value += text[j];
      }
      if (j >= text.length) throw new NativeEvalError("unclosed string", base + i);
      push("string", text.slice(i, j + 1), value);
    } else if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) throw new NativeEvalError("unclosed raw string", base + i);
      push("string", text.slice(i, end + 1), text.slice(i + 1, end));
    } else if (ch === "$" || ch === "#") {
      const m = /^[$#][A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
      if (!m) throw new NativeEvalError(`unexpected "${ch}"`, base + i);
      push(ch === "#" ? "count" : m[0].includes(".") ? "field" : "var", m[0], m[0].slice(1));
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?([smhd]\b)?/.exec(rest)!;
      push("number", m[0], m[0]);
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest)!;
      push("word", m[0], m[0]);
    } else {
      const p = PUNCT.find((op) => rest.startsWith(op));
      if (!p) throw new NativeEvalError(`unexpected "${ch}"`, base + i);
      push("punct", p, p);
    }
  }
  return out;
}
