// Runs a detection's native query (optionally with its tuning exclusions appended) against its
// platform samples and says, per event, what was expected, what happened and the clause that
// decided. The CLI, the CI test and the detection page all call this one function.
import type { Detection } from "@/lib/content/model";
import type { PlatformSampleEvent, PlatformSamples } from "@/lib/content/platform-samples";
import { EVALUATORS } from "@/lib/native-eval/registry";
import { typeKustoEvent } from "@/lib/native-eval/typing";
import type { EventSource, NativeEvaluator } from "@/lib/native-eval/types";
import type { KustoTable } from "@/lib/verify/kusto/tables";

export type SampleOutcome = {
  id: string;
  name: string;
  kind: PlatformSampleEvent["kind"];
  scenario?: string;
  source: string;
  /** True positives are expected to fire, benign events to stay silent. */
  expected: boolean;
  actual: boolean;
  clause: string;
  event: Record<string, unknown>;
};

export type Tally = { total: number; asExpected: number };

export type DetectionEvaluation =
  | { status: "no-samples" }
  | { status: "no-evaluator"; language: string }
  | { status: "not-evaluated"; evaluator: string; construct: string; shape: string }
  /** The evaluator itself failed: a bug to fix, reported rather than hidden or passed. */
  | { status: "error"; evaluator: string; message: string; shape: string }
  | {
      status: "evaluated";
      evaluator: string;
      shape: string;
      /** Units: scenarios, or single events outside one. */
      truePositives: Tally;
      benign: Tally;
      asExpected: boolean;
      outcomes: SampleOutcome[];
      withExclusions: boolean;
    };

export type RunOptions = {
  /** Append the detection's tuning exclusions (those that are pipeline operators) to the query. */
  exclusions?: boolean;
  /** Column types for KQL sources, by table name (content/registry/kusto-tables). */
  kustoTables?: KustoTable[];
  evaluators?: Partial<Record<string, NativeEvaluator>>;
};

/** The query plus the `| ...` exclusions of its tuning advice (a `let` exclusion is not appendable). */
export function queryWithExclusions(detection: Detection): string {
  const extra = detection.tuning
    .map((t) => t.exclusion?.trim())
    .filter((e): e is string => !!e && e.startsWith("|"));
  return [detection.query.trimEnd(), ...extra].join("\n");
}

export function evaluateDetection(
  detection: Detection,
  samples: PlatformSamples | undefined,
  options: RunOptions = {},
): DetectionEvaluation {
  if (!samples) return { status: "no-samples" };
  const evaluator = (options.evaluators ?? EVALUATORS)[detection.language];
  if (!evaluator) return { status: "no-evaluator", language: detection.language };
  const label = `${evaluator.language} evaluator ${evaluator.version}`;
  const tables = new Map((options.kustoTables ?? []).map((t) => [t.name, t]));
  const sources: EventSource[] = samples.sources.map((name) => ({
    name,
    events: samples.events
      .filter((e) => e.source === name)
      .map((e) => (detection.language === "kql" ? typeKustoEvent(e.tagged, tables.get(name)) : e.tagged)),
  }));
  const query = options.exclusions ? queryWithExclusions(detection) : detection.query;
  let result: ReturnType<NativeEvaluator["evaluate"]>;
  try {
    result = evaluator.evaluate({ query, sources, now: new Date(samples.now) });
  } catch (error) {
    return { status: "error", evaluator: label, message: (error as Error).message, shape: samples.shape };
  }
  if (result.kind === "not-evaluated")
    return { status: "not-evaluated", evaluator: label, construct: result.construct, shape: samples.shape };
  const outcomes: SampleOutcome[] = samples.events.map((e) => {
    const d = result.decisions.get(e.id) ?? { matched: false, clause: "not reported by the evaluator" };
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      scenario: e.scenario,
      source: e.source ?? samples.shape,
      expected: e.kind === "true-positive",
      actual: d.matched,
      clause: d.clause,
      event: e.event,
    };
  });
  const truePositives = tally(
    outcomes.filter((o) => o.kind === "true-positive"),
    (fired) => fired,
  );
  const benign = tally(
    outcomes.filter((o) => o.kind === "benign"),
    (fired) => !fired,
  );
  return {
    status: "evaluated",
    evaluator: label,
    shape: samples.shape,
    truePositives,
    benign,
    asExpected: truePositives.asExpected === truePositives.total && benign.asExpected === benign.total,
    outcomes,
    withExclusions: !!options.exclusions,
  };
}

/**
 * A scenario (events sharing `scenario`) fires when any of its events reached an output row; a
 * benign scenario is silent only when none did. Events outside a scenario count alone.
 */
function tally(outcomes: SampleOutcome[], ok: (fired: boolean) => boolean): Tally {
  const units = new Map<string, boolean>();
  for (const o of outcomes) {
    const key = o.scenario ? `s:${o.scenario}` : `e:${o.id}`;
    units.set(key, (units.get(key) ?? false) || o.actual);
  }
  const values = [...units.values()];
  return { total: values.length, asExpected: values.filter(ok).length };
}

/** Whether one event's outcome is what its kind expects, scenario-aware for true positives. */
export function outcomeAsExpected(o: SampleOutcome, all: SampleOutcome[]): boolean {
  if (o.kind === "benign") return !o.actual;
  if (!o.scenario) return o.actual;
  return all.some((x) => x.scenario === o.scenario && x.kind === "true-positive" && x.actual);
}
