// Tabular operators (https://learn.microsoft.com/en-us/kusto/query/tabular-expression-statements):
// each takes rows and returns rows, carrying sample ids and recording where an id was dropped.
import type { Assign, Expr, Op, Query, Source } from "@/lib/native-eval/kql/ast";
import { AGGREGATES, aggregate, toKey } from "@/lib/native-eval/kql/aggregates";
import { columnName, evalExpr, evalIn } from "@/lib/native-eval/kql/expr";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import { idsOf, unionIds, type Row, type Scope, type Table } from "@/lib/native-eval/kql/scope";
import { compare, flatten, truthy } from "@/lib/native-eval/kql/values";
import { join } from "@/lib/native-eval/kql/join";

export function runQuery(q: Query, scope: Scope): Table {
  let rows = runSource(q.source, scope);
  for (const op of q.ops) rows = traced(op, rows, scope);
  return rows;
}

function runSource(s: Source, scope: Scope): Table {
  switch (s.t) {
    case "table":
      return (scope.tables.get(s.name) ?? []).map((r) => ({ cols: { ...r.cols }, ids: new Set(r.ids) }));
    case "query":
      return runQuery(s.q, scope);
    case "invoke": {
      const fn = scope.functions.get(s.name);
      if (!fn || fn.body.kind !== "tabular") throw new NotEvaluated(`tabular function ${s.name}()`);
      const scalars = new Map(scope.scalars);
      fn.params.forEach((p, i) => scalars.set(p, s.args[i] ? evalExpr(s.args[i]!, {}, scope) : null));
      return runQuery(fn.body.q, { ...scope, scalars });
    }
    case "union":
      return s.queries.flatMap((q) => runQuery(q, scope));
    case "datatable": {
      const rows: Table = [];
      for (let i = 0; i < s.values.length; i += s.columns.length) {
        const cols: Record<string, unknown> = {};
        s.columns.forEach((c, k) => (cols[c] = evalExpr(s.values[i + k]!, {}, scope)));
        rows.push({ cols, ids: new Set() });
      }
      return rows;
    }
  }
}

const clause = (scope: Scope, node: { start: number; end: number }) =>
  scope.text.slice(node.start, node.end).replace(/\s+/g, " ").trim();

/** Runs one operator and records, per sample id, where it was dropped or the last filter it passed. */
function traced(op: Op, rows: Table, scope: Scope): Table {
  const before = idsOf(rows);
  const out = runOp(op, rows, scope);
  const after = idsOf(out);
  for (const id of before) {
    if (after.has(id)) {
      // The last filter that removed something is the one that decided this event was kept.
      if ((op.t === "where" || op.t === "join") && out.length < rows.length)
        scope.trace.kept.set(id, clause(scope, op));
      continue;
    }
    // The last drop wins: in multi-branch queries it is the branch that got furthest.
    const row = rows.find((r) => r.ids.has(id));
    scope.trace.dropped.set(
      id,
      op.t === "where" && row ? `${failingConjunct(op.pred, row, scope)}` : clause(scope, op),
    );
  }
  return out;
}

/** The first `and` operand that is not true for the row: the clause that decided. */
function failingConjunct(pred: Expr, row: Row, scope: Scope): string {
  const conjuncts: Expr[] = [];
  const walk = (e: Expr): void => {
    if (e.t === "bin" && e.op === "and") {
      walk(e.l);
      walk(e.r);
    } else conjuncts.push(e);
  };
  walk(pred);
  const failed = conjuncts.find((c) => !truthy(whereValue(c, row, scope))) ?? pred;
  return `where ${clause(scope, failed)}`;
}

function runOp(op: Op, rows: Table, scope: Scope): Table {
  switch (op.t) {
    case "where":
      return rows.filter((r) => truthy(whereValue(op.pred, r, scope)));
    case "extend":
      return rows.map((r) => {
        const cols = { ...r.cols };
        op.items.forEach(
          (a, i) => (cols[a.name ?? columnName(a.expr, `Column${i + 1}`)] = evalExpr(a.expr, cols, scope)),
        );
        return { cols, ids: r.ids };
      });
    case "project":
      return rows.map((r) => {
        const cols: Record<string, unknown> = {};
        op.items.forEach(
          (a, i) => (cols[a.name ?? columnName(a.expr, `Column${i + 1}`)] = evalExpr(a.expr, r.cols, scope)),
        );
        return { cols, ids: r.ids };
      });
    case "project-away":
      return rows.map((r) => {
        const cols = { ...r.cols };
        op.names.forEach((n) => delete cols[n]);
        return { cols, ids: r.ids };
      });
    case "project-rename":
      return rows.map((r) => {
        const cols = { ...r.cols };
        for (const { to, from } of op.pairs) {
          cols[to] = cols[from];
          delete cols[from];
        }
        return { cols, ids: r.ids };
      });
    case "summarize":
      return summarize(op.aggs, op.by, rows, scope);
    case "distinct":
      return summarize([], op.items, rows, scope);
    case "count":
      return [{ cols: { Count: rows.length }, ids: idsOf(rows) }];
    case "order":
      return sortRows(rows, op.keys, scope);
    case "top":
      return sortRows(rows, [op.key], scope).slice(0, Number(evalExpr(op.n, {}, scope)));
    case "take":
      return rows.slice(0, Number(evalExpr(op.n, {}, scope)));
    case "mv-expand":
      return mvExpand(op.items, rows, scope);
    case "mv-apply":
      return mvApply(op.items, op.ops, rows, scope);
    case "union":
      return [...rows, ...op.queries.flatMap((q) => runQuery(q, scope))];
    case "join":
      return join(op.kind, rows, runQuery(op.right, scope), op.on);
  }
}

/** `x in (T | project y)`: the subquery's first column is the list. */
function whereValue(pred: Expr, r: Row, scope: Scope): unknown {
  if (!containsSubquery(pred)) return evalExpr(pred, r.cols, scope);
  return evalWithSubqueries(pred, r, scope);
}
function containsSubquery(e: Expr): boolean {
  if (e.t === "in") return e.list.some((x) => x.t === "subquery");
  if (e.t === "bin") return containsSubquery(e.l) || containsSubquery(e.r);
  if (e.t === "call") return e.args.some(containsSubquery);
  return false;
}
function evalWithSubqueries(e: Expr, r: Row, scope: Scope): unknown {
  if (e.t === "in" && e.list.some((x) => x.t === "subquery")) {
    const list = e.list.flatMap((x) =>
      x.t === "subquery"
        ? runQuery(x.q, scope).map((s) => Object.values(s.cols)[0])
        : flatten([evalExpr(x, r.cols, scope)]),
    );
    return evalIn(e.op, evalExpr(e.l, r.cols, scope), list);
  }
  if (e.t === "bin" && (e.op === "and" || e.op === "or")) {
    const l = truthy(evalWithSubqueries(e.l, r, scope));
    const rr = truthy(evalWithSubqueries(e.r, r, scope));
    return e.op === "and" ? l && rr : l || rr;
  }
  if (e.t === "call" && e.name === "not") return !truthy(evalWithSubqueries(e.args[0]!, r, scope));
  if (containsSubquery(e)) throw new NotEvaluated("tabular subquery in this position");
  return evalExpr(e, r.cols, scope);
}

function sortRows(rows: Table, keys: { expr: Expr; desc: boolean }[], scope: Scope): Table {
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const c = compare(evalExpr(k.expr, a.cols, scope), evalExpr(k.expr, b.cols, scope)) ?? 0;
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}

function mvExpand(items: Assign[], rows: Table, scope: Scope): Table {
  if (items.length !== 1) throw new NotEvaluated("mv-expand of several columns");
  const { name, expr } = items[0]!;
  const col = name ?? columnName(expr, "Column1");
  return rows.flatMap((r) => {
    const v = evalExpr(expr, r.cols, scope);
    const list = Array.isArray(v)
      ? v
      : v && typeof v === "object"
        ? Object.entries(v).map(([k, x]) => ({ [k]: x }))
        : [v];
    return list.map((item) => ({ cols: { ...r.cols, [col]: item }, ids: r.ids }));
  });
}

/**
 * mv-apply (https://learn.microsoft.com/en-us/kusto/query/mv-apply-operator): per input row, the
 * subquery runs over that row's expanded items; its output rows are joined back to the row, and a
 * row whose subquery returns nothing is dropped.
 */
function mvApply(items: Assign[], ops: Op[], rows: Table, scope: Scope): Table {
  return rows.flatMap((r) => {
    let sub = mvExpand(items, [r], scope);
    for (const op of ops) sub = runOp(op, sub, scope);
    return sub.map((s) => ({ cols: { ...r.cols, ...s.cols }, ids: r.ids }));
  });
}

function summarize(aggs: Assign[], by: Assign[], rows: Table, scope: Scope): Table {
  const groups = new Map<string, { keys: Record<string, unknown>; rows: Row[] }>();
  for (const r of rows) {
    const keys: Record<string, unknown> = {};
    by.forEach(
      (b, i) => (keys[b.name ?? columnName(b.expr, `Column${i + 1}`)] = evalExpr(b.expr, r.cols, scope)),
    );
    const key = Object.values(keys).map(toKey).join("\u0000");
    const g = groups.get(key) ?? { keys, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  if (by.length === 0 && groups.size === 0) groups.set("", { keys: {}, rows: [] });
  return [...groups.values()].map((g) => {
    const cols: Record<string, unknown> = { ...g.keys };
    aggs.forEach((a, i) => {
      if (
        a.expr.t === "call" &&
        (a.expr.name === "arg_max" ||
          a.expr.name === "arg_min" ||
          (a.expr.name.endsWith("any") && a.expr.args.length !== 1))
      ) {
        if (g.rows.length === 0) return;
        const res = aggregate(a.expr, g.rows, scope);
        if ("columns" in res) Object.assign(cols, res.columns);
        return;
      }
      cols[a.name ?? aggName(a.expr, i)] = evalAggExpr(a.expr, g.rows, scope);
    });
    return { cols, ids: unionIds(...g.rows.map((r) => r.ids)) };
  });
}

/** An aggregate may sit inside a scalar expression: round(100.0 * countif(x) / count(), 1). */
function evalAggExpr(e: Expr, rows: Row[], scope: Scope): unknown {
  const rewrite = (x: Expr): Expr => {
    if (x.t === "call" && AGGREGATES.has(x.name)) {
      if (rows.length === 0 && x.name !== "count" && x.name !== "countif")
        return { ...x, t: "lit", v: null } as Expr;
      const res = aggregate(x, rows, scope);
      if (!("value" in res)) throw new NotEvaluated(`${x.name}() inside an expression`);
      return { t: "lit", v: res.value, start: x.start, end: x.end };
    }
    if (x.t === "call") return { ...x, args: x.args.map(rewrite) };
    if (x.t === "bin") return { ...x, l: rewrite(x.l), r: rewrite(x.r) };
    if (x.t === "neg") return { ...x, e: rewrite(x.e) };
    if (x.t === "col") throw new NotEvaluated(`column ${x.name} outside an aggregation in summarize`);
    return x;
  };
  return evalExpr(rewrite(e), {}, scope);
}

const AGG_PREFIX: Record<string, string> = {
  make_set: "set_",
  make_list: "list_",
  make_set_if: "set_",
  make_list_if: "list_",
  take_any: "any_",
};
function aggName(e: Expr, i: number): string {
  if (e.t !== "call") return `Column${i + 1}`;
  if (e.name === "count") return "count_";
  if (e.name === "countif") return "countif_";
  const arg = e.args[0];
  const prefix = AGG_PREFIX[e.name] ?? `${e.name}_`;
  return arg ? `${prefix}${columnName(arg, "")}` : `${e.name}_`;
}
