// Elastic EQL evaluator (event queries and sequences). Semantics: evaluate.ts and sequence.ts.
import { getField, sampleId } from "@/lib/native-eval/eql/fields";
import { evaluateExpr, inCategory } from "@/lib/native-eval/eql/evaluate";
import { parseEql, type Expr, type Query } from "@/lib/native-eval/eql/parser";
import { findSequences, stageMatches } from "@/lib/native-eval/eql/sequence";
import {
  NativeEvalError,
  type Decision,
  type EvaluationInput,
  type EvaluationResult,
  type NativeEvaluator,
  type PlatformEvent,
} from "@/lib/native-eval/types";

function clauseText(query: string, e: { start: number; end: number }): string {
  return query.slice(e.start, e.end).replace(/\s+/g, " ").trim();
}

function evaluateEvent(
  query: string,
  q: Extract<Query, { k: "event" }>,
  events: PlatformEvent[],
): EvaluationResult {
  const rows: PlatformEvent[] = [];
  const decisions = new Map<string, Decision>();
  for (const doc of events) {
    const id = sampleId(doc);
    if (!inCategory(q.query.category, doc)) {
      if (id)
        decisions.set(id, {
          matched: false,
          clause: `${q.query.category} where (event.category is ${JSON.stringify(getField(doc, "event.category") ?? null)})`,
        });
      continue;
    }
    const outcome = evaluateExpr(q.query.where, doc);
    if (outcome.value) rows.push(doc);
    if (id) decisions.set(id, { matched: outcome.value, clause: clauseText(query, outcome.decided as Expr) });
  }
  return { kind: "evaluated", rows, decisions };
}

function evaluateSequence(
  query: string,
  q: Extract<Query, { k: "sequence" }>,
  events: PlatformEvent[],
): EvaluationResult {
  const chains = findSequences(q, events);
  const inChain = new Set(chains.flat());
  const decisions = new Map<string, Decision>();
  for (const doc of events) {
    const id = sampleId(doc);
    if (!id) continue;
    if (inChain.has(doc)) {
      const stage = q.stages.findIndex((s) => stageMatches(s, doc));
      decisions.set(id, {
        matched: true,
        clause: `sequence stage ${stage + 1}: ${clauseText(query, q.stages[stage]!.query)}`,
      });
      continue;
    }
    const stage = q.stages.find((s) => stageMatches(s, doc));
    if (stage) {
      decisions.set(id, {
        matched: false,
        clause: `no complete sequence (same join keys, in order, within maxspan) for stage ${clauseText(query, stage.query)}`,
      });
      continue;
    }
    const nearest = q.stages.find((s) => inCategory(s.query.category, doc)) ?? q.stages[0]!;
    const outcome = inCategory(nearest.query.category, doc)
      ? clauseText(query, evaluateExpr(nearest.query.where, doc).decided as Expr)
      : `${nearest.query.category} where (event category)`;
    decisions.set(id, { matched: false, clause: outcome });
  }
  const rows = chains.map((chain) => ({
    events: chain.map((doc) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== "__sample"))),
  }));
  return { kind: "evaluated", rows, decisions };
}

export const eqlEvaluator: NativeEvaluator = {
  language: "eql",
  version: "eql-1.1.0",
  evaluate(input: EvaluationInput): EvaluationResult {
    let q: Query;
    try {
      q = parseEql(input.query);
    } catch (error) {
      if (error instanceof NativeEvalError) return { kind: "not-evaluated", construct: error.message };
      throw error;
    }
    const events = input.sources.flatMap((s) => s.events);
    try {
      return q.k === "event"
        ? evaluateEvent(input.query, q, events)
        : evaluateSequence(input.query, q, events);
    } catch (error) {
      if (error instanceof NativeEvalError) return { kind: "not-evaluated", construct: error.message };
      throw error;
    }
  },
};
