// A recursive-descent parser for the KQL subset our corpus uses. We parse ourselves rather than
// walk @kusto/language-service-next's Bridge.NET syntax tree because evaluation needs every
// operand and offset in a plain shape; the language service still validates each query in
// content:verify. Grammar references: https://learn.microsoft.com/en-us/kusto/query/
import type {
  Assign,
  Expr,
  FunctionDef,
  JoinKind,
  Op,
  Query,
  Source,
  Statement,
} from "@/lib/native-eval/kql/ast";
import { lex, type Token } from "@/lib/native-eval/kql/lexer";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import { Timespan } from "@/lib/native-eval/kql/values";

/** Binary string and comparison operators, each optionally negated with a leading `!`. */
const STRING_OPS = new Set([
  "has",
  "has_cs",
  "hasprefix",
  "hasprefix_cs",
  "hassuffix",
  "hassuffix_cs",
  "contains",
  "contains_cs",
  "startswith",
  "startswith_cs",
  "endswith",
  "endswith_cs",
  "has_any",
  "has_all",
  "matches",
]);
const COMPARE = new Set(["==", "!=", "=~", "!~", "<", "<=", ">", ">="]);
const JOIN_KINDS = new Set([
  "inner",
  "innerunique",
  "leftouter",
  "leftanti",
  "leftsemi",
  "rightsemi",
  "rightanti",
  "rightouter",
  "fullouter",
  "leftantisemi",
  "rightantisemi",
]);

export function parse(text: string, isTable: (name: string) => boolean): Statement[] {
  return new Parser(text, isTable).statements();
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private readonly tabularLets = new Set<string>();
  private readonly tabularFunctions = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly isTable: (name: string) => boolean,
  ) {
    this.tokens = lex(text);
  }

  private peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isPunct(text: string, k = 0) {
    const t = this.peek(k);
    return t.kind === "punct" && t.text === text;
  }
  private isWord(text: string, k = 0) {
    const t = this.peek(k);
    return t.kind === "ident" && t.text === text;
  }
  private expectPunct(text: string) {
    if (!this.isPunct(text)) this.fail(`expected '${text}'`);
    return this.next();
  }
  private ident(): string {
    const t = this.next();
    if (t.kind !== "ident") this.fail("expected a name", t.start);
    return (t as { text: string }).text;
  }
  private fail(what: string, at = this.peek().start): never {
    throw new NotEvaluated(`${what} at "${this.text.slice(at, at + 30).split("\n")[0]}"`, at);
  }
  private get last() {
    return this.tokens[this.i - 1]!.end;
  }

  statements(): Statement[] {
    const out: Statement[] = [];
    while (this.peek().kind !== "eof") {
      if (this.isPunct(";")) {
        this.next();
        continue;
      }
      const start = this.peek().start;
      if (this.isWord("let")) {
        this.next();
        const name = this.ident();
        this.expectPunct("=");
        if (this.isPunct("(") && this.looksLikeFunction()) {
          const fn = this.functionDef();
          if (fn.body.kind === "tabular") this.tabularFunctions.add(name);
          out.push({ t: "let-function", name, fn, start, end: this.last });
          if (!this.isPunct(";") && this.peek().kind !== "eof") this.fail("expected ';'");
          continue;
        }
        if (this.startsTabular()) {
          this.tabularLets.add(name);
          out.push({ t: "let-tabular", name, q: this.query(), start, end: this.last });
        } else out.push({ t: "let-scalar", name, expr: this.expr(), start, end: this.last });
      } else if (this.isWord("set") || this.isWord("declare"))
        this.fail(`'${(this.peek() as { text: string }).text}' statement`);
      else out.push({ t: "query", q: this.query(), start, end: this.last });
      if (!this.isPunct(";") && this.peek().kind !== "eof") this.fail("expected ';'");
    }
    return out;
  }

  /** `(a: type, ...) { body }`; the parameters are scalars inside the body. */
  private functionDef(): FunctionDef {
    this.expectPunct("(");
    const params: string[] = [];
    while (!this.isPunct(")")) {
      params.push(this.ident());
      this.expectPunct(":");
      this.ident();
      if (this.isPunct("=")) this.fail("function parameter defaults");
      if (this.isPunct(",")) this.next();
    }
    this.next();
    this.expectPunct("{");
    const body: FunctionDef["body"] = this.startsTabular()
      ? { kind: "tabular", q: this.query() }
      : { kind: "scalar", expr: this.expr() };
    this.expectPunct("}");
    return { params, body };
  }

  private looksLikeFunction() {
    let depth = 0;
    for (let k = 0; ; k++) {
      const t = this.peek(k);
      if (t.kind === "eof") return false;
      if (t.kind === "punct" && t.text === "(") depth++;
      if (t.kind === "punct" && t.text === ")" && --depth === 0) return this.isPunct("{", k + 1);
    }
  }

  private startsTabular(): boolean {
    const t = this.peek();
    if (t.kind === "punct" && t.text === "(") {
      const inner = this.peek(1);
      return inner.kind === "ident" && (this.isTabularName(inner.text) || this.isPunct("|", 2));
    }
    if (t.kind !== "ident") return false;
    if (["datatable", "union", "materialize", "view"].includes(t.text)) return true;
    if (this.tabularFunctions.has(t.text)) return true;
    return this.isTabularName(t.text) || this.isPunct("|", 1);
  }
  private isTabularName(name: string) {
    return this.tabularLets.has(name) || this.isTable(name);
  }

  query(): Query {
    const start = this.peek().start;
    const source = this.source();
    const ops: Op[] = [];
    while (this.isPunct("|")) {
      this.next();
      ops.push(this.operator());
    }
    return { source, ops, start, end: this.last };
  }

  private source(): Source {
    const start = this.peek().start;
    if (this.isPunct("(")) {
      this.next();
      const q = this.query();
      this.expectPunct(")");
      return { t: "query", q, start, end: this.last };
    }
    const name = this.ident();
    if (name === "materialize") {
      this.expectPunct("(");
      const q = this.query();
      this.expectPunct(")");
      return { t: "query", q, start, end: this.last };
    }
    if (name === "union") return { t: "union", queries: this.unionArgs(), start, end: this.last };
    if (name === "datatable") return this.datatable(start);
    if (this.isPunct("(")) {
      if (!this.tabularFunctions.has(name)) this.fail(`tabular function ${name}()`, start);
      this.next();
      const args: Expr[] = [];
      while (!this.isPunct(")")) {
        args.push(this.expr());
        if (this.isPunct(",")) this.next();
      }
      this.next();
      return { t: "invoke", name, args, start, end: this.last };
    }
    return { t: "table", name, start, end: this.last };
  }

  private unionArgs(): Query[] {
    while (this.peek().kind === "ident" && this.isPunct("=", 1)) {
      const key = this.ident();
      this.fail(`union ${key}= parameter`);
    }
    const queries: Query[] = [];
    do {
      if (queries.length > 0) this.next();
      if (this.isPunct("(")) {
        this.next();
        queries.push(this.query());
        this.expectPunct(")");
      } else {
        const start = this.peek().start;
        const name = this.ident();
        if (name.includes("*")) this.fail("union with wildcard table names");
        queries.push({ source: { t: "table", name, start, end: this.last }, ops: [], start, end: this.last });
      }
    } while (this.isPunct(","));
    return queries;
  }

  private datatable(start: number): Source {
    this.expectPunct("(");
    const columns: string[] = [];
    do {
      if (columns.length > 0) this.next();
      columns.push(this.ident());
      this.expectPunct(":");
      this.ident();
    } while (this.isPunct(","));
    this.expectPunct(")");
    this.expectPunct("[");
    const values: Expr[] = [];
    while (!this.isPunct("]")) {
      values.push(this.expr());
      if (this.isPunct(",")) this.next();
    }
    this.expectPunct("]");
    return { t: "datatable", columns, values, start, end: this.last };
  }

  private operator(): Op {
    const start = this.peek().start;
    let name = this.ident();
    while (this.isPunct("-") && this.peek(1).kind === "ident" && this.peek(1).start === this.last + 1) {
      this.next();
      name += `-${this.ident()}`;
    }
    const done = <T extends object>(op: T) => ({ ...op, start, end: this.last }) as unknown as Op;
    switch (name) {
      case "where":
      case "filter":
        return done({ t: "where", pred: this.expr() });
      case "extend":
        return done({ t: "extend", items: this.assignments() });
      case "project":
        return done({ t: "project", items: this.assignments() });
      case "project-away":
        return done({ t: "project-away", names: this.names() });
      case "project-rename":
        return done({ t: "project-rename", pairs: this.renames() });
      case "summarize": {
        this.hints();
        const aggs = this.isWord("by") ? [] : this.assignments();
        let by: Assign[] = [];
        if (this.isWord("by")) {
          this.next();
          by = this.assignments();
        }
        return done({ t: "summarize", aggs, by });
      }
      case "distinct":
        return done({ t: "distinct", items: this.assignments() });
      case "order":
      case "sort":
        if (!this.isWord("by")) this.fail("expected 'by'");
        this.next();
        return done({ t: "order", keys: this.sortKeys() });
      case "top": {
        const n = this.expr();
        if (!this.isWord("by")) this.fail("expected 'by'");
        this.next();
        return done({ t: "top", n, key: this.sortKeys()[0]! });
      }
      case "take":
      case "limit":
        return done({ t: "take", n: this.expr() });
      case "count":
        return done({ t: "count" });
      case "mv-expand":
        if (this.isWord("bagexpansion") || this.isWord("with_itemindex") || this.isWord("kind"))
          this.fail("mv-expand parameters");
        return done({ t: "mv-expand", items: this.assignments() });
      case "mv-apply": {
        const items = this.assignments();
        if (!this.isWord("on")) this.fail("mv-apply without 'on (subquery)'");
        this.next();
        this.expectPunct("(");
        const ops: Op[] = [this.operator()];
        while (this.isPunct("|")) {
          this.next();
          ops.push(this.operator());
        }
        this.expectPunct(")");
        return done({ t: "mv-apply", items, ops });
      }
      case "union":
        return done({ t: "union", queries: this.unionArgs() });
      case "join":
        return done(this.join());
      default:
        return this.fail(`operator '${name}'`, start);
    }
  }

  private hints() {
    while (
      this.peek().kind === "ident" &&
      /^hint\./.test(`${(this.peek() as { text: string }).text}.`) &&
      this.isPunct(".", 1)
    )
      this.fail("query hints");
  }

  private join(): Omit<Extract<Op, { t: "join" }>, "start" | "end"> {
    let kind: JoinKind = "innerunique";
    while (this.peek().kind === "ident" && this.isPunct("=", 1)) {
      const key = this.ident();
      this.next();
      const value = this.ident();
      if (key !== "kind") this.fail(`join ${key}=`);
      if (!JOIN_KINDS.has(value)) this.fail(`join kind=${value}`);
      kind = value.replace("antisemi", "anti") as JoinKind;
    }
    let right: Query;
    if (this.isPunct("(")) {
      this.next();
      right = this.query();
      this.expectPunct(")");
    } else {
      const start = this.peek().start;
      const name = this.ident();
      right = { source: { t: "table", name, start, end: this.last }, ops: [], start, end: this.last };
    }
    if (!this.isWord("on")) this.fail("join without 'on'");
    this.next();
    const on: { l: string; r: string }[] = [];
    do {
      if (on.length > 0) this.next();
      if (this.isWord("$left")) {
        this.next();
        this.expectPunct(".");
        const l = this.ident();
        this.expectPunct("==");
        if (!this.isWord("$right")) this.fail("expected $right");
        this.next();
        this.expectPunct(".");
        on.push({ l, r: this.ident() });
      } else {
        const c = this.ident();
        on.push({ l: c, r: c });
      }
    } while (this.isPunct(","));
    return { t: "join", kind, right, on };
  }

  private names(): string[] {
    const out = [this.ident()];
    while (this.isPunct(",")) {
      this.next();
      out.push(this.ident());
    }
    if (out.some((n) => n.includes("*"))) this.fail("wildcard column names");
    return out;
  }

  private renames() {
    const pairs: { to: string; from: string }[] = [];
    do {
      if (pairs.length > 0) this.next();
      const to = this.ident();
      this.expectPunct("=");
      pairs.push({ to, from: this.ident() });
    } while (this.isPunct(","));
    return pairs;
  }

  private sortKeys() {
    const keys: { expr: Expr; desc: boolean }[] = [];
    do {
      if (keys.length > 0) this.next();
      const expr = this.expr();
      let desc = true;
      if (this.isWord("asc") || this.isWord("desc")) desc = this.ident() === "desc";
      if (this.isWord("nulls")) {
        this.next();
        this.ident();
      }
      keys.push({ expr, desc });
    } while (this.isPunct(","));
    return keys;
  }

  private assignments(): Assign[] {
    const out: Assign[] = [];
    do {
      if (out.length > 0) this.next();
      if (this.isPunct("(") && this.peek(1).kind === "ident" && this.isPunct(",", 2))
        this.fail("tuple assignment (a, b) = ...");
      if (this.peek().kind === "ident" && this.isPunct("=", 1)) {
        const name = this.ident();
        this.next();
        out.push({ name, expr: this.expr() });
      } else out.push({ expr: this.expr() });
    } while (this.isPunct(","));
    return out;
  }

  expr(): Expr {
    return this.binary(0);
  }

  private static LEVELS: ((p: Parser) => string | null)[] = [
    (p) => (p.isWord("or") ? "or" : null),
    (p) => (p.isWord("and") ? "and" : null),
    (p) => p.comparisonOp(),
    (p) => (p.isPunct("+") ? "+" : p.isPunct("-") ? "-" : null),
    (p) => (p.isPunct("*") ? "*" : p.isPunct("/") ? "/" : p.isPunct("%") ? "%" : null),
  ];

  private comparisonOp(): string | null {
    const t = this.peek();
    if (t.kind === "punct" && COMPARE.has(t.text)) return t.text;
    if (t.kind === "punct" && ["in~", "!in", "!in~"].includes(t.text)) return t.text;
    if (t.kind === "ident" && (t.text === "in" || t.text === "between" || STRING_OPS.has(t.text)))
      return t.text;
    if (t.kind === "punct" && t.text === "!") {
      const n = this.peek(1);
      if (n.kind === "ident" && n.start === t.end && (STRING_OPS.has(n.text) || n.text === "between"))
        return `!${n.text}`;
    }
    return null;
  }

  private binary(level: number): Expr {
    if (level === Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = Parser.LEVELS[level]!(this);
      if (!op) return left;
      this.next();
      if (op.startsWith("!") && !COMPARE.has(op) && !op.startsWith("!in")) this.next();
      left = this.rhs(op, left, level);
    }
  }

  private rhs(op: string, l: Expr, level: number): Expr {
    const start = l.start;
    if (op === "in" || op === "in~" || op === "!in" || op === "!in~") {
      this.expectPunct("(");
      const list: Expr[] = [];
      if (this.startsTabular())
        list.push({ t: "subquery", q: this.query(), start: this.peek().start, end: this.last });
      else
        while (!this.isPunct(")")) {
          list.push(this.expr());
          if (this.isPunct(",")) this.next();
        }
      this.expectPunct(")");
      return { t: "in", op, l, list, start, end: this.last };
    }
    if (op === "between" || op === "!between") {
      this.expectPunct("(");
      const lo = this.binary(3);
      this.expectPunct(".");
      this.expectPunct(".");
      const hi = this.binary(3);
      this.expectPunct(")");
      return { t: "between", neg: op === "!between", l, lo, hi, start, end: this.last };
    }
    if (op === "matches") {
      if (!this.isWord("regex")) this.fail("expected 'regex'");
      this.next();
      return { t: "bin", op: "matches regex", l, r: this.binary(level + 1), start, end: this.last };
    }
    if (op === "has_any" || op === "has_all") {
      this.expectPunct("(");
      const args: Expr[] = [];
      while (!this.isPunct(")")) {
        args.push(this.expr());
        if (this.isPunct(",")) this.next();
      }
      this.expectPunct(")");
      return { t: "in", op, l, list: args, start, end: this.last };
    }
    return { t: "bin", op, l, r: this.binary(level + 1), start, end: this.last };
  }

  private unary(): Expr {
    const start = this.peek().start;
    if (this.isPunct("-")) {
      this.next();
      return { t: "neg", e: this.unary(), start, end: this.last };
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      if (this.isPunct(".") && this.peek(1).kind === "ident" && !this.isPunct(".", 1)) {
        this.next();
        const key = this.next() as Extract<Token, { kind: "ident" }>;
        e = {
          t: "member",
          obj: e,
          key: { t: "lit", v: key.text, start: key.start, end: key.end },
          start: e.start,
          end: this.last,
        };
      } else if (this.isPunct("[")) {
        this.next();
        const key = this.expr();
        this.expectPunct("]");
        e = { t: "member", obj: e, key, start: e.start, end: this.last };
      } else return e;
    }
  }

  private primary(): Expr {
    const t = this.next();
    const start = t.start;
    switch (t.kind) {
      case "string":
        return { t: "lit", v: t.value, start, end: t.end };
      case "number":
        return { t: "lit", v: t.value, start, end: t.end };
      case "timespan":
        return { t: "lit", v: new Timespan(t.ms), start, end: t.end };
      case "punct":
        if (t.text === "(") {
          const e = this.expr();
          this.expectPunct(")");
          return { ...e, start, end: this.last };
        }
        if (t.text === "*") return { t: "star", start, end: t.end };
        if (t.text === "[") {
          const items: Expr[] = [];
          while (!this.isPunct("]")) {
            items.push(this.expr());
            if (this.isPunct(",")) this.next();
          }
          this.next();
          return { t: "call", name: "__array", args: items, start, end: this.last };
        }
        if (t.text === "{") {
          const args: Expr[] = [];
          while (!this.isPunct("}")) {
            const k = this.next();
            if (k.kind !== "string") this.fail("expected a property name");
            args.push({ t: "lit", v: (k as { value: string }).value, start: k.start, end: k.end });
            this.expectPunct(":");
            args.push(this.expr());
            if (this.isPunct(",")) this.next();
          }
          this.next();
          return { t: "call", name: "bag_pack", args, start, end: this.last };
        }
        return this.fail(`'${t.text}'`, start);
      case "ident": {
        if (t.text === "true" || t.text === "false")
          return { t: "lit", v: t.text === "true", start, end: t.end };
        if (t.text === "null") return { t: "lit", v: null, start, end: t.end };
        if (this.isPunct("(")) {
          this.next();
          if ((t.text === "datetime" || t.text === "timespan") && !this.isPunct(")"))
            return this.rawLiteral(t.text, start);
          const args: Expr[] = [];
          while (!this.isPunct(")")) {
            args.push(this.expr());
            if (this.isPunct(",")) this.next();
            else if (!this.isPunct(")")) this.fail("expected ',' or ')'");
          }
          this.next();
          return { t: "call", name: t.text, args, start, end: this.last };
        }
        return { t: "col", name: t.text, start, end: t.end };
      }
      default:
        return this.fail("unexpected end of query", start);
    }
  }

  /** datetime(2026-11-01 10:00) and timespan(...) take raw text, not an expression. */
  private rawLiteral(kind: string, start: number): Expr {
    const from = this.peek().start;
    while (!this.isPunct(")") && this.peek().kind !== "eof") this.next();
    const raw = this.text.slice(from, this.peek().start).trim();
    this.expectPunct(")");
    const inner = /^["'](.*)["']$/.exec(raw)?.[1] ?? raw;
    if (inner === "null") return { t: "lit", v: null, start, end: this.last };
    if (kind === "datetime") {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(inner) ? inner : `${inner.replace(" ", "T")}Z`);
      if (Number.isNaN(d.getTime())) this.fail(`datetime literal ${raw}`, start);
      return { t: "lit", v: d, start, end: this.last };
    }
    const m = lex(inner)[0];
    if (m?.kind !== "timespan") this.fail(`timespan literal ${raw}`, start);
    return { t: "lit", v: new Timespan((m as { ms: number }).ms), start, end: this.last };
  }
}
