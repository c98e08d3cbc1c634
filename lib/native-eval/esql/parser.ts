// ES|QL parser for the commands and expressions the corpus uses. Precedence (lowest first): OR, AND,
// NOT, comparisons/LIKE/RLIKE/IN/IS NULL, + -, * / %, unary minus.
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-syntax.html
import { NativeEvalError } from "@/lib/native-eval/types";
import { tokenize, type Tok } from "@/lib/native-eval/esql/lexer";

export type Expr = { start: number; end: number } & (
  | { k: "lit"; value: string | number | boolean | null }
  | { k: "interval"; ms: number }
  | { k: "col"; name: string }
  | { k: "star" }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "not"; e: Expr }
  | { k: "neg"; e: Expr }
  | { k: "like"; op: "LIKE" | "RLIKE"; e: Expr; pattern: string; negated: boolean }
  | { k: "in"; e: Expr; list: Expr[]; negated: boolean }
  | { k: "isnull"; e: Expr; negated: boolean }
);

export type Assign = { name: string; expr: Expr };
export type Command =
  | { k: "WHERE"; expr: Expr; text: string }
  | { k: "EVAL"; assigns: Assign[]; text: string }
  | { k: "STATS"; aggs: Assign[]; by: Assign[]; text: string }
  | { k: "KEEP" | "DROP"; patterns: string[]; text: string }
  | { k: "RENAME"; pairs: Array<[string, string]>; text: string }
  | { k: "SORT"; keys: Array<{ expr: Expr; desc: boolean; nullsFirst: boolean }>; text: string }
  | { k: "LIMIT"; n: number; text: string }
  | { k: "MV_EXPAND"; column: string; text: string }
  | { k: "GROK" | "DISSECT"; input: Expr; pattern: string; text: string };

export type Pipeline = { from: string[]; commands: Command[] };
/** A command before its source text is attached (Omit distributed over the union). */
type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, "text"> : never) : never;

const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  milliseconds: 1,
  ms: 1,
  second: 1000,
  seconds: 1000,
  sec: 1000,
  s: 1000,
  minute: 60_000,
  minutes: 60_000,
  min: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  h: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
  d: 86_400_000,
  week: 604_800_000,
  weeks: 604_800_000,
  w: 604_800_000,
};
const CALENDAR_UNITS = new Set([
  "month",
  "months",
  "mo",
  "quarter",
  "quarters",
  "q",
  "year",
  "years",
  "yr",
  "y",
]);

class Parser {
  i = 0;
  constructor(
    readonly toks: Tok[],
    readonly text: string,
  ) {}
  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  is(word: string, o = 0): boolean {
    const t = this.peek(o);
    return !!t && t.kind !== "string" && t.value.toUpperCase() === word;
  }
  next(): Tok {
    const t = this.toks[this.i++];
    if (!t) throw new NativeEvalError("query ends early", this.text.length);
    return t;
  }
  expect(v: string): Tok {
    const t = this.next();
    if (t.kind === "string" || t.value.toUpperCase() !== v)
      throw new NativeEvalError(`expected "${v}", found "${t.text}"`, t.at);
    return t;
  }
  end(): number {
    const t = this.toks[this.i - 1];
    return t ? t.at + t.text.length : 0;
  }
  atEnd(): boolean {
    return this.i >= this.toks.length || this.is("|");
  }

  expr(): Expr {
    return this.or();
  }
  or(): Expr {
    let a = this.and();
    while (this.is("OR")) {
      this.next();
      const b = this.and();
      a = { k: "bin", op: "OR", a, b, start: a.start, end: b.end };
    }
    return a;
  }
  and(): Expr {
    let a = this.not();
    while (this.is("AND")) {
      this.next();
      const b = this.not();
      a = { k: "bin", op: "AND", a, b, start: a.start, end: b.end };
    }
    return a;
  }
  not(): Expr {
    if (this.is("NOT")) {
      const t = this.next();
      const e = this.not();
      return { k: "not", e, start: t.at, end: e.end };
    }
    return this.comparison();
  }
  comparison(): Expr {
    const a = this.additive();
    const t = this.peek();
    if (t?.kind === "punct" && ["==", "!=", "<", "<=", ">", ">="].includes(t.value)) {
      this.next();
      const b = this.additive();
      return { k: "bin", op: t.value, a, b, start: a.start, end: b.end };
    }
    if (t?.kind === "punct" && t.value === "=~")
      throw new NativeEvalError("=~ (case-insensitive equality)", t.at);
    const negated = this.is("NOT") && (this.is("LIKE", 1) || this.is("RLIKE", 1) || this.is("IN", 1));
    if (negated) this.next();
    if (this.is("LIKE") || this.is("RLIKE")) {
      const op = this.next().value.toUpperCase() as "LIKE" | "RLIKE";
      if (this.peek()?.value === "(")
        throw new NativeEvalError(`${op} with a list of patterns`, this.peek()!.at);
      const p = this.next();
      if (p.kind !== "string") throw new NativeEvalError(`${op} needs a string pattern`, p.at);
      return { k: "like", op, e: a, pattern: p.value, negated, start: a.start, end: this.end() };
    }
    if (this.is("IN")) {
      this.next();
      const list = this.argList();
      return { k: "in", e: a, list, negated, start: a.start, end: this.end() };
    }
    if (this.is("IS")) {
      this.next();
      const neg = this.is("NOT");
      if (neg) this.next();
      this.expect("NULL");
      return { k: "isnull", e: a, negated: neg, start: a.start, end: this.end() };
    }
    return a;
  }
  additive(): Expr {
    let a = this.multiplicative();
    while (this.peek()?.kind === "punct" && ["+", "-"].includes(this.peek()!.value)) {
      const op = this.next().value;
      const b = this.multiplicative();
      a = { k: "bin", op, a, b, start: a.start, end: b.end };
    }
    return a;
  }
  multiplicative(): Expr {
    let a = this.unary();
    while (this.peek()?.kind === "punct" && ["*", "/", "%"].includes(this.peek()!.value)) {
      const op = this.next().value;
      const b = this.unary();
      a = { k: "bin", op, a, b, start: a.start, end: b.end };
    }
    return a;
  }
  unary(): Expr {
    const t = this.peek();
    if (t?.kind === "punct" && t.value === "-") {
      this.next();
      const e = this.unary();
      return { k: "neg", e, start: t.at, end: e.end };
    }
    return this.primary();
  }
  argList(): Expr[] {
    this.expect("(");
    const args: Expr[] = [];
    if (this.peek()?.value !== ")") {
      args.push(this.expr());
      while (this.peek()?.value === ",") {
        this.next();
        args.push(this.expr());
      }
    }
    this.expect(")");
    return args;
  }
  primary(): Expr {
    const t = this.next();
    const start = t.at;
    if (t.kind === "string") return { k: "lit", value: t.value, start, end: this.end() };
    if (t.kind === "number") {
      const n = Number(t.text);
      const unit = this.peek();
      if (unit?.kind === "word") {
        const u = unit.value.toLowerCase();
        if (UNIT_MS[u] !== undefined) {
          this.next();
          return { k: "interval", ms: n * UNIT_MS[u]!, start, end: this.end() };
        }
        if (CALENDAR_UNITS.has(u))
          throw new NativeEvalError(`calendar interval "${t.text} ${unit.text}"`, t.at);
      }
      return { k: "lit", value: n, start, end: this.end() };
    }
    if (t.kind === "punct" && t.value === "(") {
      const e = this.expr();
      this.expect(")");
      return { ...e, start, end: this.end() };
    }
    if (t.kind === "punct" && t.value === "*") return { k: "star", start, end: this.end() };
    if (t.kind === "word") {
      const upper = t.value.toUpperCase();
      if (upper === "NULL") return { k: "lit", value: null, start, end: this.end() };
      if (upper === "TRUE" || upper === "FALSE")
        return { k: "lit", value: upper === "TRUE", start, end: this.end() };
      if (this.peek()?.value === "(") {
        const args = this.argList();
        return { k: "call", name: upper, args, start, end: this.end() };
      }
      return { k: "col", name: t.value, start, end: this.end() };
    }
    throw new NativeEvalError(`unexpected "${t.text}"`, t.at);
  }

  /** `name = expr` or a bare expression named by its own text. */
  assign(): Assign {
    if (this.peek()?.kind === "word" && this.peek(1)?.value === "=" && this.peek(1)?.kind === "punct") {
      const name = this.next().value;
      this.next();
      return { name, expr: this.expr() };
    }
    const e = this.expr();
    return { name: this.text.slice(e.start, e.end), expr: e };
  }
  assigns(stopAtBy = false): Assign[] {
    const out = [this.assign()];
    while (this.peek()?.value === "," && !(stopAtBy && this.is("BY"))) {
      this.next();
      out.push(this.assign());
    }
    return out;
  }
  names(): string[] {
    const out: string[] = [];
    do {
      if (out.length) this.next();
      let name = this.next().value;
      while (this.peek()?.value === "*" && this.peek()!.at === this.end()) name += this.next().value;
      out.push(name);
    } while (this.peek()?.value === ",");
    return out;
  }

  command(): Command {
    const head = this.next();
    const name = head.value.toUpperCase();
    const startAt = head.at;
    const done = (c: CommandBody): Command => {
      if (!this.atEnd())
        throw new NativeEvalError(`unexpected "${this.peek()!.text}" in ${name}`, this.peek()!.at);
      return { ...c, text: this.text.slice(startAt, this.end()).replace(/\s+/g, " ") } as Command;
    };
    switch (name) {
      case "WHERE":
        return done({ k: "WHERE", expr: this.expr() });
      case "EVAL":
        return done({ k: "EVAL", assigns: this.assigns() });
      case "STATS": {
        const aggs = this.is("BY") ? [] : this.assigns();
        let by: Assign[] = [];
        if (this.is("BY")) {
          this.next();
          by = this.assigns();
        }
        return done({ k: "STATS", aggs, by });
      }
      case "KEEP":
      case "DROP":
        return done({ k: name, patterns: this.names() });
      case "RENAME": {
        const pairs: Array<[string, string]> = [];
        do {
          if (pairs.length) this.next();
          const from = this.next().value;
          this.expect("AS");
          pairs.push([from, this.next().value]);
        } while (this.peek()?.value === ",");
        return done({ k: "RENAME", pairs });
      }
      case "SORT": {
        const keys: Array<{ expr: Expr; desc: boolean; nullsFirst: boolean }> = [];
        do {
          if (keys.length) this.next();
          const expr = this.expr();
          let desc = false;
          if (this.is("ASC") || this.is("DESC")) desc = this.next().value.toUpperCase() === "DESC";
          // Default: nulls last ascending, first descending (ES|QL SORT reference).
          let nullsFirst = desc;
          if (this.is("NULLS")) {
            this.next();
            nullsFirst = this.next().value.toUpperCase() === "FIRST";
          }
          keys.push({ expr, desc, nullsFirst });
        } while (this.peek()?.value === ",");
        return done({ k: "SORT", keys });
      }
      case "LIMIT": {
        const n = this.next();
        if (n.kind !== "number") throw new NativeEvalError("LIMIT needs a number", n.at);
        return done({ k: "LIMIT", n: Number(n.text) });
      }
      case "MV_EXPAND":
        return done({ k: "MV_EXPAND", column: this.next().value });
      case "GROK":
      case "DISSECT": {
        const input = this.primary();
        const p = this.next();
        if (p.kind !== "string") throw new NativeEvalError(`${name} needs a string pattern`, p.at);
        if (!this.atEnd())
          throw new NativeEvalError(`${name} option "${this.peek()!.text}"`, this.peek()!.at);
        return done({ k: name, input, pattern: p.value });
      }
      default:
        throw new NativeEvalError(`command ${head.text}`, head.at);
    }
  }
}

/** The FROM clause is read as text: index patterns contain '-' and '*' that are not operators. */
function splitFrom(query: string): { from: string[]; rest: string; restAt: number } {
  const m = /^\s*FROM\s+/i.exec(query);
  if (!m) throw new NativeEvalError(`source command ${query.trim().split(/\s+/)[0] ?? ""}`, 0);
  let end = query.indexOf("|", m[0].length);
  if (end < 0) end = query.length;
  const clause = query.slice(m[0].length, end).split(/\bMETADATA\b/i)[0]!;
  const from = clause
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (from.some((f) => !/^[A-Za-z0-9_.*:-]+$/.test(f)))
    throw new NativeEvalError(`FROM clause "${clause.trim()}"`, m[0].length);
  return { from, rest: query.slice(end), restAt: end };
}

export function parseEsql(query: string): Pipeline {
  const { from, rest, restAt } = splitFrom(query);
  const masked = " ".repeat(restAt) + rest;
  const p = new Parser(tokenize(masked), query);
  const commands: Command[] = [];
  while (p.i < p.toks.length) {
    p.expect("|");
    commands.push(p.command());
  }
  return { from, commands };
}
