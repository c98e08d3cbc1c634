// Rows as the LogScale pipeline carries them, with the sample ids that contributed to each.
// LogScale field values are strings (numbers are compared numerically when both sides parse);
// @timestamp is milliseconds since the epoch (https://library.humio.com/data-analysis/searching-data-event-fields.html).
export type Value = string | number | null | undefined;
export type Row = { f: Record<string, Value>; ids: Set<string> };

export const isNull = (v: Value): v is null | undefined => v === null || v === undefined;

export function num(v: Value): number | null {
  if (typeof v === "number") return v;
  if (isNull(v)) return null;
  const t = v.trim();
  return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : null;
}

export const clone = (r: Row): Row => ({ f: { ...r.f }, ids: new Set(r.ids) });

/** LogScale wildcard values: `*` matches any run; the rest compares exactly (case-sensitive unless asked). */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes("*"))
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const re = new RegExp(
    `^${pattern
      .split("*")
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s\\S]*")}$`,
    ignoreCase ? "i" : "",
  );
  return re.test(value);
}
