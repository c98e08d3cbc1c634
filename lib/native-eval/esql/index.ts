// Elastic ES|QL evaluator: FROM over the sample sources, then the processing commands in order.
import { sampleId } from "@/lib/native-eval/eql/fields";
import { run } from "@/lib/native-eval/esql/commands";
import { checkFunctions, type Row } from "@/lib/native-eval/esql/evaluate";
import { parseEsql, type Pipeline } from "@/lib/native-eval/esql/parser";
import { normalize, type Val } from "@/lib/native-eval/esql/values";
import {
  NativeEvalError,
  type Decision,
  type EvaluationInput,
  type EvaluationResult,
  type NativeEvaluator,
  type PlatformEvent,
} from "@/lib/native-eval/types";

/** Index pattern match: `*` is a wildcard, a leading `-` excludes (as in the FROM reference). */
function sourceMatches(patterns: string[], name: string): boolean {
  const test = (p: string) =>
    new RegExp(
      `^${p
        .split("*")
        .map((s) => s.replace(/[\\^$.+?()[\]{}|/-]/g, "\\$&"))
        .join(".*")}$`,
    ).test(name);
  return (
    patterns.some((p) => !p.startsWith("-") && test(p)) &&
    !patterns.some((p) => p.startsWith("-") && test(p.slice(1)))
  );
}

/** Documents become rows whose columns are the dotted ECS field names; @timestamp is a date. */
function flatten(doc: PlatformEvent, prefix = "", out: Record<string, Val> = {}): Record<string, Val> {
  for (const [k, v] of Object.entries(doc)) {
    if (k === "__sample") continue;
    const name = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date))
      flatten(v as PlatformEvent, name, out);
    else if (Array.isArray(v) && v.some((x) => x && typeof x === "object"))
      throw new NativeEvalError(`array of objects in ${name}`);
    else out[name] = normalize(v);
  }
  if (!prefix && typeof out["@timestamp"] === "string") out["@timestamp"] = new Date(out["@timestamp"]);
  return out;
}

function expressions(p: Pipeline) {
  return p.commands.flatMap((c) => {
    if (c.k === "WHERE") return [c.expr];
    if (c.k === "EVAL") return c.assigns.map((a) => a.expr);
    if (c.k === "STATS") return [...c.aggs, ...c.by].map((a) => a.expr);
    if (c.k === "SORT") return c.keys.map((k) => k.expr);
    if (c.k === "GROK" || c.k === "DISSECT") return [c.input];
    return [];
  });
}

function execute(p: Pipeline, input: EvaluationInput): EvaluationResult {
  expressions(p).forEach(checkFunctions);
  const docs = input.sources.filter((s) => sourceMatches(p.from, s.name)).flatMap((s) => s.events);
  const decisions = new Map<string, Decision>();
  for (const s of input.sources)
    for (const doc of s.events) {
      const id = sampleId(doc);
      if (id && !docs.includes(doc))
        decisions.set(id, { matched: false, clause: `FROM ${p.from.join(", ")} (source ${s.name})` });
    }
  let rows: Row[] = docs.map((doc) => {
    const id = sampleId(doc);
    return { cols: flatten(doc), ids: new Set(id ? [id] : []) };
  });
  const alive = () => new Set(rows.flatMap((r) => [...r.ids]));
  let before = alive();
  for (const cmd of p.commands) {
    rows = run(cmd, rows, input.now);
    const after = alive();
    for (const id of before) if (!after.has(id)) decisions.set(id, { matched: false, clause: cmd.text });
    before = after;
  }
  for (const id of before)
    decisions.set(id, {
      matched: true,
      clause:
        p.commands
          .filter((c) => c.k === "WHERE")
          .map((c) => c.text)
          .pop() ?? `FROM ${p.from.join(", ")}`,
    });
  return { kind: "evaluated", rows: rows.map((r) => ({ ...r.cols })), decisions };
}

export const esqlEvaluator: NativeEvaluator = {
  language: "esql",
  version: "esql-1.1.0",
  evaluate(input: EvaluationInput): EvaluationResult {
    try {
      return execute(parseEsql(input.query), input);
    } catch (error) {
      if (error instanceof NativeEvalError) return { kind: "not-evaluated", construct: error.message };
      throw error;
    }
  },
};
