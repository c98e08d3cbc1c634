// A recursive-descent parser for the LogScale constructs the corpus uses. Lexing depends on
// context (a `/` after `=` opens a regex, elsewhere it divides), so the parser reads characters.
import { NativeEvalError } from "@/lib/native-eval/types";
import type { Arg, Node, Stage } from "@/lib/native-eval/logscale/ast";

const IDENT = /^[A-Za-z_@#][A-Za-z0-9_.@#:]*/;
const BARE = /^[^\s|(){}\[\],;=!<>"]+/;

export function parseQuery(src: string): Stage[] {
  let i = 0;
  let inTest = 0;
  const ws = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      if (src.startsWith("//", i)) {
        while (i < src.length && src[i] !== "\n") i++;
        continue;
      }
      if (src.startsWith("/*", i)) {
        const e = src.indexOf("*/", i + 2);
        i = e < 0 ? src.length : e + 2;
        continue;
      }
      return;
    }
  };
  const peek = (s: string) => (ws(), src.startsWith(s, i));
  const eat = (s: string) => {
    if (!peek(s))
      throw new NativeEvalError(`LogScale: '${s}' expected at ${i} near '${src.slice(i, i + 20)}'`);
    i += s.length;
  };
  const kw = (k: string) => {
    ws();
    const m = new RegExp(`^${k}\\b`, "i").exec(src.slice(i));
    return !!m;
  };

  function str(): string {
    eat('"');
    let v = "";
    while (i < src.length && src[i] !== '"') {
      if (src[i] === "\\" && i + 1 < src.length) {
        const n = src[i + 1]!;
        v += n === "n" ? "\n" : n === "t" ? "\t" : n === '"' || n === "\\" ? n : `\\${n}`;
        i += 2;
      } else v += src[i++];
    }
    if (i >= src.length) throw new NativeEvalError("LogScale: unterminated string");
    i++;
    return v;
  }
  function regex(): { pattern: string; flags: string } {
    eat("/");
    let p = "";
    while (i < src.length && src[i] !== "/") {
      if (src[i] === "\\" && i + 1 < src.length) {
        // `\/` is a slash in the pattern; every other escape is the regex's own.
        p += src[i + 1] === "/" ? "/" : src.slice(i, i + 2);
        i += 2;
      } else p += src[i++];
    }
    if (i >= src.length) throw new NativeEvalError("LogScale: unterminated regex");
    i++;
    const f = /^[a-zA-Z]*/.exec(src.slice(i))![0];
    i += f.length;
    return { pattern: p, flags: f };
  }
  function value(): Node {
    ws();
    if (src[i] === '"') return { t: "str", v: str() };
    if (src[i] === "/") {
      const r = regex();
      return { t: "regex", ...r };
    }
    if (src[i] === "*" && (i + 1 >= src.length || /[\s|)};,]/.test(src[i + 1]!))) {
      i++;
      return { t: "wild" };
    }
    const m = BARE.exec(src.slice(i));
    if (!m) throw new NativeEvalError(`LogScale: value expected near '${src.slice(i, i + 20)}'`);
    i += m[0].length;
    return { t: "str", v: m[0] };
  }

  // Boolean filter expressions: implicit AND between terms, `and`/`AND`, `or`/`OR`, `not`/`!`.
  function orExpr(): Node {
    let a = andExpr();
    while (kw("or")) {
      i += 2;
      a = { t: "or", a, b: andExpr() };
    }
    return a;
  }
  function termEnd() {
    ws();
    return i >= src.length || /^[|;})\]]/.test(src.slice(i)) || kw("or");
  }
  function andExpr(): Node {
    let a = notExpr();
    for (;;) {
      if (kw("and")) {
        i += 3;
        a = { t: "and", a, b: notExpr() };
        continue;
      }
      if (termEnd()) return a;
      a = { t: "and", a, b: notExpr() };
    }
  }
  function notExpr(): Node {
    ws();
    if (kw("not")) {
      i += 3;
      return { t: "not", a: notExpr() };
    }
    if (src[i] === "!" && src[i + 1] !== "=") {
      i++;
      return { t: "not", a: notExpr() };
    }
    return primary();
  }
  function primary(): Node {
    ws();
    const start = i;
    if (src[i] === "(") {
      i++;
      const e = orExpr();
      eat(")");
      return e;
    }
    if (src[i] === '"') return { t: "freetext", v: str() };
    if (src[i] === "/") return { t: "freetext", v: regex() };
    if (src[i] === "*") {
      i++;
      return { t: "wild" };
    }
    if (inTest) {
      const left = arith();
      ws();
      const op = /^(!=|<=|>=|==|=|<|>)/.exec(src.slice(i))?.[0];
      if (!op)
        return left.t === "call"
          ? left
          : {
              t: "cmp",
              field: "",
              left,
              op: "!=",
              value: { t: "str", v: "false" },
              text: src.slice(start, i).trim(),
            };
      i += op.length;
      const value = arith();
      return {
        t: "cmp",
        field: left.t === "field" ? left.name : "",
        left,
        op: op === "==" ? "=" : op,
        value,
        text: src.slice(start, i).trim(),
      };
    }
    const m = IDENT.exec(src.slice(i));
    if (!m) throw new NativeEvalError(`LogScale: cannot read '${src.slice(i, i + 20)}'`);
    i += m[0].length;
    if (peek("(")) return call(m[0], start);
    ws();
    const op = /^(!=|<=|>=|==|=|<|>)/.exec(src.slice(i))?.[0];
    if (!op) return { t: "freetext", v: m[0] };
    i += op.length;
    // In test(), unquoted words are field names (https://library.humio.com/data-analysis/functions-test.html).
    const v = !inTest && (op === "=" || op === "!=") ? value() : arith();
    return { t: "cmp", field: m[0], op: op === "==" ? "=" : op, value: v, text: src.slice(start, i).trim() };
  }
  function call(name: string, start: number): Extract<Node, { t: "call" }> {
    eat("(");
    const args: Arg[] = [];
    while (!peek(")")) {
      const save = i;
      const nm = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(src.slice(i));
      let argName: string | undefined;
      if (nm) {
        argName = nm[1];
        i += nm[0].length;
      } else i = save;
      args.push({ name: argName, value: argValue(name, argName) });
      if (peek(",")) i++;
      else if (!peek(")"))
        throw new NativeEvalError(
          `LogScale: ',' or ')' expected in ${name}() near '${src.slice(i, i + 20)}'`,
        );
    }
    eat(")");
    return { t: "call", name, args, text: src.slice(start, i) };
  }
  function argValue(fn: string, argName?: string): Node {
    ws();
    if (src[i] === "[") {
      i++;
      const items: Node[] = [];
      while (!peek("]")) {
        items.push(argValue(fn, argName));
        if (peek(",")) i++;
      }
      eat("]");
      return { t: "array", items };
    }
    if (src[i] === "{") {
      i++;
      const stages = pipeline();
      eat("}");
      return { t: "query", stages };
    }
    if (fn === "test" || (fn === "if" && !argName)) {
      inTest += fn === "test" ? 1 : 0;
      try {
        return orExpr();
      } finally {
        inTest -= fn === "test" ? 1 : 0;
      }
    }
    if (src[i] === '"') return { t: "str", v: str() };
    if (src[i] === "/") {
      const r = regex();
      return { t: "regex", ...r };
    }
    return arith();
  }
  // Arithmetic and plain values in assignments (`@timestamp - ArchiveTime`, `lower(x)`, `"text"`).
  function arith(): Node {
    let a = term();
    for (;;) {
      ws();
      const c = src[i];
      if ((c === "+" || c === "-") && /\s/.test(src[i + 1] ?? "")) {
        i++;
        a = { t: "arith", op: c, a, b: term() };
        continue;
      }
      return a;
    }
  }
  function term(): Node {
    let a = atom();
    for (;;) {
      ws();
      const c = src[i];
      if ((c === "*" || c === "/") && /\s/.test(src[i + 1] ?? "")) {
        i++;
        a = { t: "arith", op: c, a, b: atom() };
        continue;
      }
      return a;
    }
  }
  function atom(): Node {
    ws();
    const start = i;
    if (src[i] === '"') return { t: "str", v: str() };
    if (src[i] === "(") {
      i++;
      const e = arith();
      eat(")");
      return e;
    }
    const n = /^-?\d+(\.\d+)?(?![A-Za-z_0-9.])/.exec(src.slice(i));
    if (n) {
      i += n[0].length;
      return { t: "num", v: Number(n[0]) };
    }
    const span = /^\d+[A-Za-z]+\b/.exec(src.slice(i));
    if (span) {
      i += span[0].length;
      return { t: "str", v: span[0] };
    }
    const m = IDENT.exec(src.slice(i));
    if (!m) throw new NativeEvalError(`LogScale: value expected near '${src.slice(i, i + 20)}'`);
    i += m[0].length;
    if (peek("(")) return call(m[0], start);
    if (m[0] === "true" || m[0] === "false") return { t: "str", v: m[0] };
    return { t: "field", name: m[0] };
  }

  function stage(): Stage {
    ws();
    const start = i;
    if (kw("case") && /^case\s*\{/.test(src.slice(i))) {
      i += 4;
      eat("{");
      const branches: Stage[][] = [];
      while (!peek("}")) {
        branches.push(pipeline());
        if (peek(";")) i++;
      }
      eat("}");
      return { t: "case", branches, text: src.slice(start, i).trim() };
    }
    const asg = /^([A-Za-z_@#][A-Za-z0-9_.@#]*)\s*:=/.exec(src.slice(i));
    if (asg) {
      i += asg[0].length;
      const e = arith();
      return { t: "assign", field: asg[1]!, e, text: src.slice(start, i).trim() };
    }
    const e = orExpr();
    const text = src.slice(start, i).trim();
    if (e.t === "call") return { t: "call", call: e, negated: false, text };
    if (e.t === "not" && e.a.t === "call") return { t: "call", call: e.a, negated: true, text };
    return { t: "filter", e, text };
  }
  function pipeline(): Stage[] {
    const out: Stage[] = [];
    ws();
    if (peek("|")) i++;
    for (;;) {
      ws();
      if (i >= src.length || src[i] === "}" || src[i] === ";") return out;
      out.push(stage());
      ws();
      if (src[i] === "|") {
        i++;
        continue;
      }
      return out;
    }
  }
  const stages = pipeline();
  ws();
  if (i < src.length) throw new NativeEvalError(`LogScale: unexpected '${src.slice(i, i + 20)}'`);
  return stages;
}
