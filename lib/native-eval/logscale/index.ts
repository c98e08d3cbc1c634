// LogScale (CrowdStrike Falcon LogScale / CQL) evaluator: runs a query over Falcon-shaped
// events and reports per sample whether it reached an output row, or the stage that dropped it.
// Functions it does not implement (ipLocation, timeChart, match against files ...) make the query
// "not evaluated". All sources form one repository; tag filters (#event_simpleName) select events.
import {
  NativeEvalError,
  type EvaluationResult,
  type NativeEvaluator,
  type PlatformEvent,
} from "@/lib/native-eval/types";
import { parseQuery } from "@/lib/native-eval/logscale/parse";
import { runStages } from "@/lib/native-eval/logscale/stages";
import type { Env } from "@/lib/native-eval/logscale/env";
import type { Row, Value } from "@/lib/native-eval/logscale/values";

function toRow(e: PlatformEvent): Row {
  const f: Record<string, Value> = {};
  let id = "";
  for (const [k, v] of Object.entries(e)) {
    if (k === "__sample") {
      id = String(v);
      continue;
    }
    if (k === "@timestamp" && typeof v === "string" && !/^\d+$/.test(v)) {
      f[k] = Date.parse(v);
      continue;
    }
    if (v instanceof Date) {
      f[k] = v.getTime();
      continue;
    }
    if (v !== null && typeof v === "object")
      throw new NativeEvalError(`nested value in field ${k} (LogScale fields are flat)`);
    f[k] = typeof v === "boolean" ? String(v) : (v as Value);
  }
  return { f, ids: new Set(id ? [id] : []) };
}

export const logscaleEvaluator: NativeEvaluator = {
  language: "logscale",
  version: "logscale-2",
  evaluate(input): EvaluationResult {
    const dropped = new Map<string, string>();
    try {
      const stages = parseQuery(input.query);
      const all = input.sources
        .flatMap((s) => s.events.map(toRow))
        .sort((a, b) => Number(b.f["@timestamp"] ?? 0) - Number(a.f["@timestamp"] ?? 0));
      const env: Env = {
        now: input.now,
        all,
        drop(ids, clause) {
          for (const id of ids) if (!dropped.has(id)) dropped.set(id, clause);
        },
        run: (s, rows, e) => runStages(s, rows, e),
      };
      const out = runStages(
        stages,
        all.map((r) => ({ f: { ...r.f }, ids: new Set(r.ids) })),
        env,
      );
      const matched = new Set(out.flatMap((r) => [...r.ids]));
      const decisions = new Map<string, { matched: boolean; clause: string }>();
      for (const s of input.sources)
        for (const e of s.events) {
          const id = String(e.__sample ?? "");
          if (id)
            decisions.set(
              id,
              matched.has(id)
                ? { matched: true, clause: "in an output row" }
                : { matched: false, clause: dropped.get(id) ?? "not read by the query" },
            );
        }
      return {
        kind: "evaluated",
        rows: out.map(
          (r) => Object.fromEntries(Object.entries(r.f).filter(([k]) => k !== "@rawstring")) as PlatformEvent,
        ),
        decisions,
      };
    } catch (e) {
      if (e instanceof NativeEvalError) return { kind: "not-evaluated", construct: e.message };
      throw e;
    }
  },
};
