// Rows carry the ids of the sample events they derive from, so an evaluation can say which input
// events reached the output (issue 14 contract: filters keep ids, projections keep them even when
// the query drops columns, aggregations and joins union them).
import type { FunctionDef } from "@/lib/native-eval/kql/ast";

export type Row = { cols: Record<string, unknown>; ids: Set<string> };
export type Table = Row[];

/** Where each sample event was dropped, or the last filter it passed. */
export type Trace = { dropped: Map<string, string>; kept: Map<string, string> };

export type Scope = {
  now: Date;
  scalars: Map<string, unknown>;
  tables: Map<string, Table>;
  functions: Map<string, FunctionDef>;
  trace: Trace;
  /** The query text, for quoting clauses by offset. */
  text: string;
};

export const idsOf = (rows: Table) => {
  const ids = new Set<string>();
  for (const r of rows) for (const id of r.ids) ids.add(id);
  return ids;
};

export const unionIds = (...sets: Set<string>[]) => {
  const out = new Set<string>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
};
