// SPL evaluator: runs a Splunk search over platform-shaped samples (raw events with their
// sourcetype's fields, or CIM data model rows for tstats) and reports per sample whether it
// contributed to an output row and, if not, the clause that dropped it.
// Macros and lookups: the corpus uses none, so a backtick or `lookup` is "not evaluated" rather
// than expanded from declarations we would have to invent.
import {
  NativeEvalError,
  type EvaluationResult,
  type NativeEvaluator,
  type PlatformEvent,
} from "@/lib/native-eval/types";
import type { Ctx, Row, Value } from "@/lib/native-eval/spl/rows";
import { splitPipeline } from "@/lib/native-eval/spl/pipeline";
import { run } from "@/lib/native-eval/spl/commands";
import { toEpoch } from "@/lib/native-eval/spl/time";

function toRow(e: PlatformEvent): Row {
  const f: Record<string, Value> = {};
  let id = "";
  for (const [k, v] of Object.entries(e)) {
    if (k === "__sample") {
      id = String(v);
      continue;
    }
    if (k === "_time") {
      f._time = toEpoch(v);
      continue;
    }
    f[k] = v as Value;
  }
  return { f, ids: new Set(id ? [id] : []) };
}

export const splEvaluator: NativeEvaluator = {
  language: "spl",
  version: "spl-3",
  evaluate(input): EvaluationResult {
    const dropped = new Map<string, string>();
    const sources = new Map<string, Row[]>();
    for (const s of input.sources) {
      // Splunk returns events newest first; first()/latest() depend on it.
      const rows = s.events.map(toRow).sort((a, b) => Number(b.f._time ?? 0) - Number(a.f._time ?? 0));
      sources.set(s.name, [...(sources.get(s.name) ?? []), ...rows]);
    }
    const ctx: Ctx = {
      now: input.now,
      sources,
      drop(ids, clause) {
        for (const id of ids) if (!dropped.has(id)) dropped.set(id, clause);
      },
      run: (q) => pipeline(q),
    };
    const pipeline = (q: string): Row[] => {
      const cmds = splitPipeline(q);
      let rows: Row[] = [];
      cmds.forEach((c, i) => {
        rows = run(c, rows, ctx, i === 0);
      });
      return rows;
    };
    let out: Row[];
    try {
      out = pipeline(input.query);
    } catch (e) {
      if (e instanceof NativeEvalError) return { kind: "not-evaluated", construct: e.message };
      throw e;
    }
    const matched = new Set(out.flatMap((r) => [...r.ids]));
    const decisions = new Map<string, { matched: boolean; clause: string }>();
    for (const s of input.sources)
      for (const e of s.events) {
        const id = String(e.__sample ?? "");
        if (!id) continue;
        decisions.set(
          id,
          matched.has(id)
            ? { matched: true, clause: "in an output row" }
            : { matched: false, clause: dropped.get(id) ?? "not read by the search" },
        );
      }
    return { kind: "evaluated", rows: out.map((r) => r.f as PlatformEvent), decisions };
  },
};
