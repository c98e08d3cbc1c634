// EQL sequences: stages matched in @timestamp order, all events sharing the values of the join keys
// (`sequence by` keys plus each stage's own `by` keys, compared position by position), the whole
// sequence within `maxspan`, and no `until` event with the same keys before it completes.
// https://www.elastic.co/guide/en/elasticsearch/reference/current/eql-syntax.html#eql-sequences
// A non-optional join key that is null or missing keeps the event out of the sequence; an optional
// (`?field`) key may be null (elastic/elasticsearch#79677).
// Every chain that satisfies these rules is reported, so an event counts as contributing if any
// valid sequence contains it (at least what Elasticsearch's own state machine returns).
import { getField, timestampOf } from "@/lib/native-eval/eql/fields";
import { evaluateExpr, inCategory } from "@/lib/native-eval/eql/evaluate";
import type { Query, Stage, Value } from "@/lib/native-eval/eql/parser";
import type { PlatformEvent } from "@/lib/native-eval/types";

type Sequence = Extract<Query, { k: "sequence" }>;
export type Chain = PlatformEvent[];

function key(keys: Value[], doc: PlatformEvent): string | null {
  const parts: unknown[] = [];
  for (const k of keys) {
    const v = k.k === "lit" ? k.value : getField(doc, k.name);
    if ((v === undefined || v === null) && !(k.k === "field" && k.optional)) return null;
    parts.push(v ?? null);
  }
  return JSON.stringify(parts);
}

export function stageMatches(stage: Stage, doc: PlatformEvent): boolean {
  return inCategory(stage.query.category, doc) && evaluateExpr(stage.query.where, doc).value;
}

export function findSequences(seq: Sequence, events: PlatformEvent[]): Chain[] {
  const sorted = events
    .map((doc, index) => ({ doc, index, t: timestampOf(doc) }))
    .filter((e) => !Number.isNaN(e.t))
    .sort((a, b) => a.t - b.t || a.index - b.index);
  const stageKey = (stage: Stage, doc: PlatformEvent) => key([...seq.by, ...stage.by], doc);
  const chains: Chain[] = [];
  const extend = (chain: typeof sorted, pos: number, joinKey: string) => {
    const n = chain.length;
    if (n === seq.stages.length) {
      chains.push(chain.map((c) => c.doc));
      return;
    }
    const stage = seq.stages[n]!;
    const first = chain[0]!;
    for (let j = pos + 1; j < sorted.length; j++) {
      const e = sorted[j]!;
      if (seq.maxspanMs !== undefined && e.t - first.t > seq.maxspanMs) break;
      if (seq.until && stageMatches(seq.until, e.doc) && stageKey(seq.until, e.doc) === joinKey) break;
      if (stageMatches(stage, e.doc) && stageKey(stage, e.doc) === joinKey) extend([...chain, e], j, joinKey);
    }
  };
  sorted.forEach((e, i) => {
    const first = seq.stages[0]!;
    if (!stageMatches(first, e.doc)) return;
    const k = stageKey(first, e.doc);
    if (k !== null) extend([e], i, k);
  });
  return chains;
}
