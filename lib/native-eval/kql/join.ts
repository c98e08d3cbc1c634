// join kinds per https://learn.microsoft.com/en-us/kusto/query/join-operator: innerunique (the
// default) keeps one left row per key before matching; right columns whose names clash get a "1"
// suffix; anti and semi kinds return one side only. Keys compare exactly (case-sensitive).
import type { JoinKind } from "@/lib/native-eval/kql/ast";
import { toKey } from "@/lib/native-eval/kql/aggregates";
import { NotEvaluated } from "@/lib/native-eval/kql/not-evaluated";
import { unionIds, type Row, type Table } from "@/lib/native-eval/kql/scope";
import { isNull } from "@/lib/native-eval/kql/values";

export function join(kind: JoinKind, left: Table, right: Table, on: { l: string; r: string }[]): Table {
  const keyOf = (r: Row, side: "l" | "r") => {
    const values = on.map((k) => r.cols[k[side]]);
    return values.some(isNull) ? null : values.map(toKey).join("\u0000");
  };
  const index = new Map<string, Row[]>();
  for (const r of right) {
    const k = keyOf(r, "r");
    if (k !== null) index.set(k, [...(index.get(k) ?? []), r]);
  }
  const leftKeys = new Set(left.map((r) => keyOf(r, "l")).filter((k): k is string => k !== null));
  const matches = (r: Row) => {
    const k = keyOf(r, "l");
    return k === null ? [] : (index.get(k) ?? []);
  };
  const merge = (l: Row, r: Row | null): Row => {
    const cols = { ...l.cols };
    const rightCols = r
      ? r.cols
      : Object.fromEntries(Object.keys(right[0]?.cols ?? {}).map((c) => [c, null]));
    for (const [name, value] of Object.entries(rightCols)) {
      let target = name;
      for (let n = 1; Object.hasOwn(cols, target); n++) target = `${name}${n}`;
      cols[target] = value;
    }
    return { cols, ids: r ? unionIds(l.ids, r.ids) : l.ids };
  };
  switch (kind) {
    case "innerunique": {
      const seen = new Set<string>();
      const firsts = left.filter((r) => {
        const k = keyOf(r, "l");
        if (k === null || seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      return firsts.flatMap((l) => matches(l).map((r) => merge(l, r)));
    }
    case "inner":
      return left.flatMap((l) => matches(l).map((r) => merge(l, r)));
    case "leftouter":
      return left.flatMap((l) => {
        const m = matches(l);
        return m.length ? m.map((r) => merge(l, r)) : [merge(l, null)];
      });
    case "leftanti":
      return left.filter((l) => matches(l).length === 0);
    case "leftsemi":
      return left.filter((l) => matches(l).length > 0);
    case "rightsemi":
      return right.filter((r) => {
        const k = keyOf(r, "r");
        return k !== null && leftKeys.has(k);
      });
    case "rightanti":
      return right.filter((r) => {
        const k = keyOf(r, "r");
        return k === null || !leftKeys.has(k);
      });
    case "rightouter":
    case "fullouter": {
      const leftCols = Object.keys(left[0]?.cols ?? {});
      const unmatchedRight = right
        .filter((r) => {
          const k = keyOf(r, "r");
          return k === null || !leftKeys.has(k);
        })
        .map((r) => merge({ cols: Object.fromEntries(leftCols.map((c) => [c, null])), ids: new Set() }, r));
      const matched = left.flatMap((l) => matches(l).map((r) => merge(l, r)));
      const unmatchedLeft =
        kind === "fullouter" ? left.filter((l) => matches(l).length === 0).map((l) => merge(l, null)) : [];
      return [...matched, ...unmatchedLeft, ...unmatchedRight];
    }
    default:
      throw new NotEvaluated(`join kind=${kind}`);
  }
}
