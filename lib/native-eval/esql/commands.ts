// ES|QL processing commands over a table of rows; each row carries the sample ids it came from
// (filters keep them, STATS unions them per group).
// https://www.elastic.co/guide/en/elasticsearch/reference/current/esql-commands.html
import { NativeEvalError } from "@/lib/native-eval/types";
import { scalar, type Ctx, type Row } from "@/lib/native-eval/esql/evaluate";
import { grok, dissect } from "@/lib/native-eval/esql/grok";
import type { Command } from "@/lib/native-eval/esql/parser";
import { compare, isMulti, toText, type Val } from "@/lib/native-eval/esql/values";

function globRegExp(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[\\^$.+?()[\]{}|/-]/g, "\\$&"))
      .join(".*")}$`,
  );
}

function stats(cmd: Extract<Command, { k: "STATS" }>, rows: Row[], now: Date): Row[] {
  const groups = new Map<string, { keys: Val[]; rows: Row[] }>();
  for (const row of rows) {
    // A multivalued BY value puts the row in the group of each of its values.
    let combos: Val[][] = [[]];
    for (const by of cmd.by) {
      const v = scalar(by.expr, row, { now });
      const options = isMulti(v) ? v : [v];
      combos = combos.flatMap((c) => options.map((o) => [...c, o]));
    }
    for (const keys of combos) {
      const id = JSON.stringify(keys.map((k) => (k === null ? null : toText(k))));
      const g = groups.get(id) ?? { keys, rows: [] };
      g.rows.push(row);
      groups.set(id, g);
    }
  }
  if (cmd.by.length === 0 && groups.size === 0) groups.set("[]", { keys: [], rows: [] });
  return [...groups.values()].map((g) => {
    const ctx: Ctx = { now, group: g.rows };
    const cols: Record<string, Val> = {};
    for (const agg of cmd.aggs) cols[agg.name] = scalar(agg.expr, { cols: {}, ids: new Set() }, ctx);
    cmd.by.forEach((by, i) => (cols[by.name] = g.keys[i]!));
    return { cols, ids: new Set(g.rows.flatMap((r) => [...r.ids])) };
  });
}

export function run(cmd: Command, rows: Row[], now: Date): Row[] {
  const ctx: Ctx = { now };
  switch (cmd.k) {
    case "WHERE":
      return rows.filter((r) => scalar(cmd.expr, r, ctx) === true);
    case "EVAL":
      return rows.map((r) => {
        const cols = { ...r.cols };
        for (const a of cmd.assigns) cols[a.name] = scalar(a.expr, { cols, ids: r.ids }, ctx);
        return { cols, ids: r.ids };
      });
    case "STATS":
      return stats(cmd, rows, now);
    case "KEEP":
    case "DROP": {
      const res = cmd.patterns.map(globRegExp);
      return rows.map((r) => {
        const cols: Record<string, Val> = {};
        if (cmd.k === "KEEP") {
          for (const re of res)
            for (const [k, v] of Object.entries(r.cols)) if (re.test(k) && !(k in cols)) cols[k] = v;
        } else for (const [k, v] of Object.entries(r.cols)) if (!res.some((re) => re.test(k))) cols[k] = v;
        return { cols, ids: r.ids };
      });
    }
    case "RENAME":
      return rows.map((r) => {
        const cols = { ...r.cols };
        for (const [from, to] of cmd.pairs) {
          cols[to] = cols[from] ?? null;
          delete cols[from];
        }
        return { cols, ids: r.ids };
      });
    case "SORT":
      return [...rows].sort((x, y) => {
        for (const key of cmd.keys) {
          const a = scalar(key.expr, x, ctx);
          const b = scalar(key.expr, y, ctx);
          if (a === null || b === null) {
            if (a === b) continue;
            return (a === null) === key.nullsFirst ? -1 : 1;
          }
          const c = compare(isMulti(a) ? a[0]! : a, isMulti(b) ? b[0]! : b) ?? 0;
          if (c !== 0) return key.desc ? -c : c;
        }
        return 0;
      });
    case "LIMIT":
      return rows.slice(0, cmd.n);
    case "MV_EXPAND":
      return rows.flatMap((r) => {
        const v = r.cols[cmd.column] ?? null;
        return isMulti(v) ? v.map((item) => ({ cols: { ...r.cols, [cmd.column]: item }, ids: r.ids })) : [r];
      });
    case "GROK":
    case "DISSECT": {
      const parse = cmd.k === "GROK" ? grok(cmd.pattern) : dissect(cmd.pattern);
      return rows.map((r) => {
        const v = scalar(cmd.input, r, ctx);
        if (isMulti(v)) throw new NativeEvalError(`${cmd.k} on a multivalue`);
        return { cols: { ...r.cols, ...parse(v === null ? null : toText(v)) }, ids: r.ids };
      });
    }
  }
}
