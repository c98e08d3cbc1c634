// The contract between platform-shaped samples, the per-language evaluators and everything that
// reports their results (content:evaluate, the CI test, the detection page). An evaluator proves a
// native query against events in its platform's own shape; it never guesses: a construct it does
// not implement makes the whole query "not evaluated", never a pass.
import type { QueryLanguage } from "@/lib/content/schema";

/** One event (row, document) in the platform's own shape: field names exactly as the product writes them. */
export type PlatformEvent = Record<string, unknown>;

/** A named event set: for Kusto the table name, for Splunk the index/sourcetype, for Elastic the index pattern. */
export type EventSource = {
  /** Table (KQL), sourcetype or data model (SPL), index pattern (EQL/ES|QL), UDM (YARA-L), repository (LogScale). */
  name: string;
  events: PlatformEvent[];
};

export type EvaluationInput = {
  query: string;
  /** Every event the query may read, grouped by the source the query names. */
  sources: EventSource[];
  /** The evaluation clock: `ago(1h)`, `now()`, `earliest=-24h` are resolved against it. */
  now: Date;
};

/** Why a row/event/alert was produced (or not): the clause that decided, as the query wrote it. */
export type Decision = { matched: boolean; clause: string };

export type EvaluationResult =
  | {
      kind: "evaluated";
      /** The query's output rows (a detection alert per row). */
      rows: PlatformEvent[];
      /**
       * Per input event (by `__sample` id, see PlatformSample), whether it contributed to an output row
       * and the clause that decided. Evaluators track event identity through the pipeline.
       */
      decisions: Map<string, Decision>;
    }
  | { kind: "not-evaluated"; construct: string };

export interface NativeEvaluator {
  language: QueryLanguage;
  /** Bumped whenever semantics change; shown on the page next to the result. */
  version: string;
  evaluate(input: EvaluationInput): EvaluationResult;
}

/** Evaluation error with the location of the construct in the query text. */
export class NativeEvalError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = "NativeEvalError";
  }
}
