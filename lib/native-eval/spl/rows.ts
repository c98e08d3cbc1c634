// Rows as the SPL pipeline carries them: the fields, and the sample ids of every event that
// contributed to the row (filters keep them, aggregations and joins union them).
export type Value = string | number | boolean | null | undefined | Value[];
export type Row = { f: Record<string, Value>; ids: Set<string> };

export type Ctx = {
  now: Date;
  /** Events of every source, and the data model datasets by name ("Endpoint.Processes"). */
  sources: Map<string, Row[]>;
  /** Records the clause that dropped these events (the first one to drop them wins). */
  drop(ids: Iterable<string>, clause: string): void;
  /** Runs a subsearch pipeline (join, append) against the same sources. */
  run(query: string): Row[];
};

export const isNull = (v: Value): v is null | undefined => v === null || v === undefined;

/** Every value of a field, multivalue flattened. */
export function values(v: Value): Array<string | number | boolean> {
  if (isNull(v)) return [];
  if (Array.isArray(v)) return v.flatMap(values);
  return [v];
}

export const str = (v: Value): string =>
  isNull(v) ? "" : Array.isArray(v) ? values(v).map(String).join("\n") : String(v);

/** Splunk compares numerically when both sides look like numbers. */
export function num(v: Value): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "boolean" || isNull(v) || Array.isArray(v)) return null;
  const t = v.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return null;
}

export function clone(row: Row): Row {
  return { f: { ...row.f }, ids: new Set(row.ids) };
}
