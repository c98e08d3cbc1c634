// EQL parser for the constructs the corpus uses: event queries, sequences (by, with maxspan, until),
// boolean logic, comparisons, `:`, `in`/`in~`/`not in`, `like`/`like~`, `regex`/`regex~`.
// https://www.elastic.co/guide/en/elasticsearch/reference/current/eql-syntax.html
// Of the functions only cidrMatch() is read; anything else (other functions, pipes, samples,
// joins, lookups) raises NativeEvalError, which the evaluator reports as "not evaluated".
import { NativeEvalError } from "@/lib/native-eval/types";
import { tokenize, type Tok } from "@/lib/native-eval/eql/lexer";

export type Value =
  { k: "field"; name: string; optional: boolean } | { k: "lit"; value: string | number | boolean | null };

export type Expr = { start: number; end: number } & (
  | { k: "and" | "or"; a: Expr; b: Expr }
  | { k: "not"; e: Expr }
  | { k: "cmp"; op: "==" | "!=" | "<" | "<=" | ">" | ">="; left: Value; right: Value }
  | { k: "match"; op: string; left: Value; patterns: Value[] }
  | { k: "value"; v: Value }
  | { k: "cidr"; ip: Value; blocks: string[] }
);

export type EventQuery = { category: string; where: Expr; start: number; end: number };
export type Stage = { query: EventQuery; by: Value[] };
export type Query =
  | { k: "event"; query: EventQuery }
  | { k: "sequence"; by: Value[]; maxspanMs?: number; stages: Stage[]; until?: Stage };

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MATCH_OPS = new Set([":", "in", "in~", "like", "like~", "regex", "regex~"]);

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly text: string,
  ) {}

  peek(offset = 0): Tok | undefined {
    return this.toks[this.i + offset];
  }
  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === "word" && t.value.toLowerCase() === word;
  }
  isPunct(p: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === "punct" && t.value === p;
  }
  next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new NativeEvalError("query ends early", this.text.length);
    return t;
  }
  expectPunct(p: string): Tok {
    const t = this.next();
    if (t.kind !== "punct" || t.value !== p)
      throw new NativeEvalError(`expected "${p}", found "${t.text}"`, t.at);
    return t;
  }
  expectWord(w: string): Tok {
    const t = this.next();
    if (t.kind !== "word" || t.value.toLowerCase() !== w)
      throw new NativeEvalError(`expected "${w}", found "${t.text}"`, t.at);
    return t;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  lastEnd(): number {
    const t = this.toks[this.i - 1];
    return t ? t.at + t.text.length : 0;
  }

  query(): Query {
    if (this.isWord("sample")) throw new NativeEvalError("sample", this.peek()!.at);
    const q: Query = this.isWord("sequence") ? this.sequence() : { k: "event", query: this.eventQuery() };
    if (!this.done()) {
      const t = this.peek()!;
      throw new NativeEvalError(
        t.value === "|" ? `pipe | ${this.peek(1)?.text ?? ""}` : `unexpected "${t.text}"`,
        t.at,
      );
    }
    return q;
  }

  sequence(): Query {
    this.expectWord("sequence");
    let by: Value[] = [];
    let maxspanMs: number | undefined;
    for (let round = 0; round < 2; round++) {
      if (this.isWord("by")) {
        this.next();
        by = this.valueList();
      } else if (this.isWord("with")) {
        this.next();
        const key = this.next();
        if (key.value.toLowerCase() !== "maxspan")
          throw new NativeEvalError(`sequence option ${key.text}`, key.at);
        this.expectPunct("=");
        const span = this.next();
        const m = /^(\d+)(ms|s|m|h|d)$/.exec(span.text);
        if (!m) throw new NativeEvalError(`maxspan "${span.text}"`, span.at);
        maxspanMs = Number(m[1]) * UNITS[m[2]!]!;
      }
    }
    const stages: Stage[] = [];
    while (this.isPunct("[")) stages.push(this.stage());
    if (stages.length < 2) throw new NativeEvalError("a sequence needs at least two [event queries]");
    let until: Stage | undefined;
    if (this.isWord("until")) {
      this.next();
      until = this.stage();
    }
    if (this.isWord("with")) throw new NativeEvalError("sequence with runs", this.peek()!.at);
    return { k: "sequence", by, maxspanMs, stages, until };
  }

  stage(): Stage {
    this.expectPunct("[");
    const query = this.eventQuery();
    this.expectPunct("]");
    if (this.isWord("with")) throw new NativeEvalError("stage option (with runs)", this.peek()!.at);
    let by: Value[] = [];
    if (this.isWord("by")) {
      this.next();
      by = this.valueList();
    }
    return { query, by };
  }

  valueList(): Value[] {
    const out = [this.value()];
    while (this.isPunct(",")) {
      this.next();
      out.push(this.value());
    }
    return out;
  }

  eventQuery(): EventQuery {
    const cat = this.next();
    if (cat.kind !== "word" && cat.kind !== "string")
      throw new NativeEvalError(`event category "${cat.text}"`, cat.at);
    this.expectWord("where");
    const where = this.or();
    return { category: cat.value.toLowerCase(), where, start: cat.at, end: this.lastEnd() };
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
    let a = this.not();
    while (this.isWord("and")) {
      this.next();
      const b = this.not();
      a = { k: "and", a, b, start: a.start, end: b.end };
    }
    return a;
  }
  not(): Expr {
    if (this.isWord("not")) {
      const t = this.next();
      const e = this.not();
      return { k: "not", e, start: t.at, end: e.end };
    }
    return this.comparison();
  }

  comparison(): Expr {
    if (this.isPunct("(")) {
      const open = this.next();
      const e = this.or();
      this.expectPunct(")");
      return { ...e, start: open.at, end: this.lastEnd() };
    }
    const start = this.peek()?.at ?? this.text.length;
    if (this.peek()?.value === "cidrMatch" && this.isPunct("(", 1)) return this.cidrMatch(start);
    const left = this.value();
    const t = this.peek();
    if (t?.kind === "punct" && ["==", "!=", "<", "<=", ">", ">="].includes(t.value)) {
      this.next();
      const right = this.value();
      return { k: "cmp", op: t.value as "==", left, right, start, end: this.lastEnd() };
    }
    let negated = false;
    if (this.isWord("not") && this.isWord("in", 1)) {
      this.next();
      negated = true;
    }
    const op = this.operator();
    if (op) {
      const patterns = this.isPunct("(") ? this.parenList() : [this.value()];
      const e: Expr = { k: "match", op, left, patterns, start, end: this.lastEnd() };
      return negated ? { k: "not", e, start, end: e.end } : e;
    }
    return { k: "value", v: left, start, end: this.lastEnd() };
  }

  /** cidrMatch(<ip_address>, <cidr_block>[, ...]): the blocks are string literals. */
  cidrMatch(start: number): Expr {
    this.next();
    this.expectPunct("(");
    const ip = this.value();
    const blocks: string[] = [];
    while (this.isPunct(",")) {
      this.next();
      const b = this.value();
      if (b.k !== "lit" || typeof b.value !== "string")
        throw new NativeEvalError("cidrMatch() with a block that is not a string", start);
      blocks.push(b.value);
    }
    this.expectPunct(")");
    if (blocks.length === 0) throw new NativeEvalError("cidrMatch() without a CIDR block", start);
    return { k: "cidr", ip, blocks, start, end: this.lastEnd() };
  }

  /** `:`, `in`, `in~`, `like`, `like~`, `regex`, `regex~` (the ~ makes it case-insensitive). */
  operator(): string | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.kind === "punct" && t.value === ":") {
      this.next();
      return ":";
    }
    const word = t.kind === "word" ? t.value.toLowerCase() : "";
    if (!MATCH_OPS.has(word)) return undefined;
    this.next();
    if (this.isPunct("~") && this.peek()!.at === t.at + t.text.length) {
      this.next();
      return `${word}~`;
    }
    return word;
  }

  parenList(): Value[] {
    this.expectPunct("(");
    const out = this.valueList();
    this.expectPunct(")");
    return out;
  }

  value(): Value {
    const t = this.next();
    if (t.kind === "string") return { k: "lit", value: t.value };
    if (t.kind === "number") {
      if (!/^[0-9]+(\.[0-9]+)?$/.test(t.text)) throw new NativeEvalError(`number "${t.text}"`, t.at);
      return { k: "lit", value: Number(t.text) };
    }
    if (t.kind === "punct" && t.value === "-" && this.peek()?.kind === "number") {
      return { k: "lit", value: -Number(this.next().text) };
    }
    if (t.kind === "word") {
      const lower = t.value.toLowerCase();
      if (lower === "true" || lower === "false") return { k: "lit", value: lower === "true" };
      if (lower === "null") return { k: "lit", value: null };
      if (this.isPunct("(")) throw new NativeEvalError(`function ${t.value}()`, t.at);
      if (["descendant", "child", "event"].includes(lower) && this.isWord("of"))
        throw new NativeEvalError(`${lower} of`, t.at);
      const optional = t.value.startsWith("?");
      return { k: "field", name: optional ? t.value.slice(1) : t.value, optional };
    }
    throw new NativeEvalError(`unexpected "${t.text}"`, t.at);
  }
}

export function parseEql(text: string): Query {
  return new Parser(tokenize(text), text).query();
}
