// The KQL evaluator (Microsoft Sentinel and Defender XDR). Parses the query with our own parser
// (parser.ts: the Kusto language service's Bridge.NET tree is checked in content:verify, but is
// awkward to evaluate from), then runs statements in order. Any construct outside the subset
// raises NotEvaluated, and the whole query is reported "not evaluated: <construct>".
import type { EvaluationInput, EvaluationResult, NativeEvaluator } from "@/lib/native-eval/types";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import { parse } from "@/lib/native-eval/kql/parser";
import { evalExpr } from "@/lib/native-eval/kql/expr";
import { idsOf, type Scope, type Table } from "@/lib/native-eval/kql/scope";
import { runQuery } from "@/lib/native-eval/kql/tabular";

export const SAMPLE_ID = "__sample";

function toTable(events: Record<string, unknown>[]): Table {
  return events.map((e) => {
    const { [SAMPLE_ID]: id, ...cols } = e;
    return { cols, ids: new Set(typeof id === "string" ? [id] : []) };
  });
}

export function evaluateKql(input: EvaluationInput): EvaluationResult {
  const tables = new Map(input.sources.map((s) => [s.name, toTable(s.events)]));
  const scope: Scope = {
    now: input.now,
    scalars: new Map(),
    tables,
    functions: new Map(),
    trace: { dropped: new Map(), kept: new Map() },
    text: input.query,
  };
  try {
    const statements = parse(input.query, (name) => tables.has(name));
    let output: Table | null = null;
    for (const s of statements) {
      if (s.t === "let-scalar") scope.scalars.set(s.name, evalExpr(s.expr, {}, scope));
      else if (s.t === "let-function") scope.functions.set(s.name, s.fn);
      else if (s.t === "let-tabular") scope.tables.set(s.name, runQuery(s.q, scope));
      else output = runQuery(s.q, scope);
    }
    if (!output)
      return { kind: "not-evaluated", construct: "a query without a tabular expression statement" };
    const reached = idsOf(output);
    const decisions = new Map<string, { matched: boolean; clause: string }>();
    for (const source of input.sources)
      for (const e of source.events) {
        const id = e[SAMPLE_ID];
        if (typeof id !== "string") continue;
        decisions.set(
          id,
          reached.has(id)
            ? { matched: true, clause: scope.trace.kept.get(id) ?? "every clause (no filter applied)" }
            : { matched: false, clause: scope.trace.dropped.get(id) ?? "not read by the query" },
        );
      }
    return { kind: "evaluated", rows: output.map((r) => r.cols), decisions };
  } catch (error) {
    if (error instanceof NotEvaluated) return { kind: "not-evaluated", construct: error.construct };
    throw error;
  }
}

export const kqlEvaluator: NativeEvaluator = {
  language: "kql",
  version: "kql-eval 1.0",
  evaluate: evaluateKql,
};
