// YARA-L 2.0 rule parser: the meta, events, match, outcome, condition and options sections, with
// the expressions the corpus uses. Statements in `events` are joined by an implicit AND.
// https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-syntax
import { NativeEvalError } from "@/lib/native-eval/types";
import { tokenize, type Tok } from "@/lib/native-eval/yara-l/lexer";

export type Expr = { start: number; end: number } & (
  | { k: "field"; v: string; path: string[] }
  | { k: "var"; name: string }
  | { k: "count"; name: string }
  | { k: "lit"; value: string | number | boolean }
  | { k: "regex"; source: string; nocase: boolean }
  | { k: "call"; name: string; args: Expr[]; nocase?: boolean }
  | { k: "cmp"; op: string; a: Expr; b: Expr; nocase: boolean }
  | { k: "arith"; op: string; a: Expr; b: Expr }
  | { k: "and" | "or"; a: Expr; b: Expr }
  | { k: "not"; e: Expr }
  | { k: "absent"; name: string }
);

export type Rule = {
  name: string;
  events: Expr[];
  match?: { vars: string[]; windowMs: number };
  outcome: Map<string, Expr>;
  condition: Expr;
  allowZeroValues: boolean;
};

const SECTIONS = ["meta", "events", "match", "outcome", "condition", "options"] as const;
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new NativeEvalError("rule section ends early");
    return t;
  }
  isWord(w: string): boolean {
    const t = this.peek();
    return t?.kind === "word" && t.value === w;
  }
  isPunct(p: string): boolean {
    const t = this.peek();
    return t?.kind === "punct" && t.value === p;
  }
  expect(p: string): Tok {
    const t = this.next();
    if (t.value !== p) throw new NativeEvalError(`expected "${p}", found "${t.text}"`, t.at);
    return t;
  }
  end(): number {
    const t = this.toks[this.i - 1]!;
    return t.at + t.text.length;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }

  or(): Expr {
    let a = this.and();
    while (this.isWord("or")) {
      this.next();
      const b = this.and();
      a = { k: "or", a, b, start: a.start, end: b.end };
    }
    return a;
  }
  and(): Expr {
    let a = this.unary();
    while (this.isWord("and")) {
      this.next();
      const b = this.unary();
      a = { k: "and", a, b, start: a.start, end: b.end };
    }
    return a;
  }
  unary(): Expr {
    if (this.isWord("not")) {
      const t = this.next();
      const e = this.unary();
      return { k: "not", e, start: t.at, end: e.end };
    }
    if (this.isPunct("!")) {
      const t = this.next();
      const v = this.next();
      if (v.kind !== "var")
        throw new NativeEvalError("! before something other than an event variable", t.at);
      return { k: "absent", name: v.value, start: t.at, end: this.end() };
    }
    if (this.isWord("any") || this.isWord("all"))
      throw new NativeEvalError(`${this.peek()!.value} (repeated-field quantifier)`, this.peek()!.at);
    return this.comparison();
  }
  comparison(): Expr {
    const a = this.additive();
    const t = this.peek();
    if (t?.kind === "punct" && ["=", "!=", "<", "<=", ">", ">="].includes(t.value)) {
      this.next();
      const b = this.additive();
      let nocase = false;
      if (this.isWord("nocase")) {
        this.next();
        nocase = true;
      }
      return { k: "cmp", op: t.value, a, b, nocase, start: a.start, end: this.end() };
    }
    return a;
  }
  additive(): Expr {
    let a = this.primary();
    while (this.isPunct("+") || this.isPunct("-") || this.isPunct("*")) {
      const op = this.next().value;
      const b = this.primary();
      a = { k: "arith", op, a, b, start: a.start, end: b.end };
    }
    return a;
  }
  primary(): Expr {
    const t = this.next();
    const start = t.at;
    switch (t.kind) {
      case "field": {
        const [v, ...path] = t.value.split(".");
        while (this.isPunct("[")) {
          this.next();
          const key = this.next();
          if (key.kind !== "string")
            throw new NativeEvalError('map or index access other than ["key"]', key.at);
          path.push(key.value);
          this.expect("]");
        }
        return { k: "field", v: v!, path, start, end: this.end() };
      }
      case "var":
        return { k: "var", name: t.value, start, end: this.end() };
      case "count":
        return { k: "count", name: t.value, start, end: this.end() };
      case "string":
        return { k: "lit", value: t.value, start, end: this.end() };
      case "number":
        if (!/^[0-9.]+$/.test(t.text)) throw new NativeEvalError(`value ${t.text}`, t.at);
        return { k: "lit", value: Number(t.text), start, end: this.end() };
      case "regex": {
        let nocase = false;
        if (this.isWord("nocase")) {
          this.next();
          nocase = true;
        }
        return { k: "regex", source: t.value, nocase, start, end: this.end() };
      }
      case "word": {
        if (t.value === "true" || t.value === "false")
          return { k: "lit", value: t.value === "true", start, end: this.end() };
        if (!this.isPunct("(")) throw new NativeEvalError(`"${t.text}"`, t.at);
        this.next();
        const args: Expr[] = [];
        while (!this.isPunct(")")) {
          if (args.length) this.expect(",");
          if (this.peek(1)?.value === ":" && this.peek()?.kind === "word")
            throw new NativeEvalError(`${t.value}() with named arguments`, t.at);
          args.push(this.or());
        }
        this.expect(")");
        // `re.regex(...) nocase` matches ignoring case, like the nocase modifier on a comparison.
        const nocase = this.isWord("nocase") && t.value === "re.regex";
        if (nocase) this.next();
        return { k: "call", name: t.value, args, nocase, start, end: this.end() };
      }
      case "punct":
        if (t.value === "(") {
          const e = this.or();
          this.expect(")");
          return { ...e, start, end: this.end() };
        }
        if (t.value === "-" && this.peek()?.kind === "number") {
          const n = this.next();
          return { k: "lit", value: -Number(n.text), start, end: this.end() };
        }
    }
    throw new NativeEvalError(`unexpected "${t.text}"`, t.at);
  }
}

/** The text of each section, with its offset in the rule. */
function sections(text: string): { name: string; body: Map<string, { text: string; at: number }> } {
  const head = /^\s*rule\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/.exec(text);
  if (!head) throw new NativeEvalError("expected `rule name {`", 0);
  const close = text.lastIndexOf("}");
  const inner = text.slice(head[0].length, close);
  const re = new RegExp(`(^|\\n)\\s*(${SECTIONS.join("|")})\\s*:`, "g");
  const marks = [...inner.matchAll(re)].map((m) => ({
    name: m[2]!,
    from: m.index! + m[0].length,
    mark: m.index!,
  }));
  const body = new Map<string, { text: string; at: number }>();
  marks.forEach((m, i) => {
    const to = i + 1 < marks.length ? marks[i + 1]!.mark : inner.length;
    body.set(m.name, { text: inner.slice(m.from, to).replace(/\s*$/, ""), at: head[0].length + m.from });
  });
  return { name: head[1]!, body };
}

export function parseRule(text: string): Rule {
  const { name, body } = sections(text);
  const section = (s: string) => {
    const b = body.get(s);
    return b ? new Parser(tokenize(b.text, b.at)) : undefined;
  };
  const ev = section("events");
  const cond = section("condition");
  if (!ev || !cond) throw new NativeEvalError("a rule needs events and condition sections");
  const events: Expr[] = [];
  while (!ev.done()) events.push(ev.or());
  const condition = cond.or();
  if (!cond.done())
    throw new NativeEvalError(`condition continues at "${cond.peek()!.text}"`, cond.peek()!.at);

  let match: Rule["match"];
  const m = body.get("match");
  if (m) {
    const mm =
      /^\s*((?:\$[A-Za-z_][A-Za-z0-9_]*\s*,\s*)*\$[A-Za-z_][A-Za-z0-9_]*)\s+over\s+(\d+)([smhd])\s*$/.exec(
        m.text,
      );
    if (!mm) throw new NativeEvalError(`match section "${m.text.trim()}"`, m.at);
    match = {
      vars: mm[1]!.split(",").map((v) => v.trim().slice(1)),
      windowMs: Number(mm[2]) * UNITS[mm[3]!]!,
    };
  }

  const outcome = new Map<string, Expr>();
  const out = section("outcome");
  if (out) {
    while (!out.done()) {
      const v = out.next();
      if (v.kind !== "var") throw new NativeEvalError(`outcome "${v.text}"`, v.at);
      out.expect("=");
      // An outcome this evaluator cannot read only matters if the condition uses it.
      const from = out.i;
      try {
        outcome.set(v.value, out.or());
      } catch (error) {
        if (!(error instanceof NativeEvalError)) throw error;
        outcome.set(v.value, {
          k: "call",
          name: `unsupported: ${error.message}`,
          args: [],
          start: v.at,
          end: v.at,
        });
        out.i = from;
        while (!out.done() && !(out.peek()!.kind === "var" && out.peek(1)?.value === "=")) out.next();
      }
    }
  }
  const options = body.get("options")?.text ?? "";
  return {
    name,
    events,
    match,
    outcome,
    condition,
    allowZeroValues: /allow_zero_values\s*=\s*true/.test(options),
  };
}
