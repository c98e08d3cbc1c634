// Runs a pipeline of stages. Aggregations follow the function reference:
// groupBy (functions-groupby.html): events lacking a group-by field are left out; the default
//   function is count() into `_count`;
// bucket (functions-bucket.html): groups by time slot of `span` plus the `field` list;
// collect (functions-collect.html): the distinct values of each field, joined by newlines;
// count(field, distinct=true) counts distinct values; min/max/sum/avg default to _min, _max, _sum, _avg;
// join (functions-join.html): inner by default, `mode=left` keeps unmatched events; `include`
//   copies those fields from the matching subquery event.
import { NativeEvalError } from "@/lib/native-eval/types";
import type { Node, Stage } from "@/lib/native-eval/logscale/ast";
import { clone, isNull, num, type Row, type Value } from "@/lib/native-eval/logscale/values";
import { applyFilter, evalValue } from "@/lib/native-eval/logscale/filter";
import { arg, callFilter, callValue, word, words } from "@/lib/native-eval/logscale/functions";
import type { Env } from "@/lib/native-eval/logscale/env";

type Call = Extract<Node, { t: "call" }>;

function aggregate(c: Call, rows: Row[], out: Record<string, Value>) {
  const as = word(arg(c, "as"));
  const vals = (f: string) => rows.map((r) => r.f[f]).filter((v) => !isNull(v) && v !== "");
  switch (c.name) {
    case "count": {
      const f = word(arg(c, "field", 0));
      if (!f) {
        out[as ?? "_count"] = rows.length;
        return;
      }
      const vs = vals(f).map(String);
      out[as ?? "_count"] = word(arg(c, "distinct")) === "true" ? new Set(vs).size : vs.length;
      return;
    }
    case "collect": {
      if (as) throw new NativeEvalError("collect(as=)");
      const limit = num(word(arg(c, "limit")) ?? null) ?? 2000;
      for (const f of words(arg(c, "fields", 0))) {
        const u = [...new Set(vals(f).map(String))].slice(0, limit);
        if (u.length) out[f] = u.join("\n");
      }
      return;
    }
    case "min":
    case "max":
    case "sum":
    case "avg": {
      const f = word(arg(c, "field", 0))!;
      const ns = vals(f)
        .map(num)
        .filter((n): n is number => n !== null);
      if (!ns.length) return;
      const v =
        c.name === "min"
          ? Math.min(...ns)
          : c.name === "max"
            ? Math.max(...ns)
            : c.name === "sum"
              ? ns.reduce((a, b) => a + b, 0)
              : ns.reduce((a, b) => a + b, 0) / ns.length;
      out[as ?? `_${c.name}`] = v;
      return;
    }
  }
  throw new NativeEvalError(`aggregate ${c.name}()`);
}

function functionsOf(c: Call): Call[] {
  const f = arg(c, "function");
  if (!f) return [{ t: "call", name: "count", args: [], text: "count()" }];
  const items = f.t === "array" ? f.items : [f];
  return items.map((x) => {
    if (x.t !== "call") throw new NativeEvalError(`${c.name} function= other than calls`);
    return x;
  });
}

const SPANS: Record<string, number> = { s: 1000, m: 60000, h: 3600000, d: 86400000 };

function group(c: Call, rows: Row[], env: Env, keys: string[], slot?: number): Row[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const missing = keys.filter((k) => isNull(r.f[k]));
    if (missing.length) {
      env.drop(r.ids, `${c.name}(): ${missing.join(", ")} missing`);
      continue;
    }
    const t = num(r.f["@timestamp"]);
    const key = JSON.stringify([...keys.map((k) => String(r.f[k])), slot ? Math.floor((t ?? 0) / slot) : 0]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const fns = functionsOf(c);
  return [...groups.values()].map((g) => {
    const f: Record<string, Value> = {};
    for (const k of keys) f[k] = g[0]!.f[k];
    if (slot) f._bucket = Math.floor((num(g[0]!.f["@timestamp"]) ?? 0) / slot) * slot;
    for (const fn of fns) aggregate(fn, g, f);
    return { f, ids: new Set(g.flatMap((r) => [...r.ids])) };
  });
}

function runCall(s: Extract<Stage, { t: "call" }>, rows: Row[], env: Env): Row[] {
  const c = s.call;
  const keep = (fn: (r: Row) => Row | null) =>
    rows.flatMap((r) => {
      const out = fn(r);
      const pass = s.negated ? !out : !!out;
      if (!pass) {
        env.drop(r.ids, s.text);
        return [];
      }
      return [s.negated ? r : out!];
    });
  switch (c.name) {
    case "in":
    case "cidr":
    case "test":
    case "wildcard":
    case "regex":
      return keep((r) => callFilter(c, r, env));
    case "groupBy":
      return group(c, rows, env, words(arg(c, "field", 0)));
    case "bucket": {
      const span = /^(\d+)([smhd])$/.exec(word(arg(c, "span")) ?? "");
      if (!span) throw new NativeEvalError("bucket without span=");
      return group(c, rows, env, words(arg(c, "field")), Number(span[1]) * SPANS[span[2]!]!);
    }
    case "count": {
      const f: Record<string, Value> = {};
      aggregate(c, rows, f);
      return [{ f, ids: new Set(rows.flatMap((r) => [...r.ids])) }];
    }
    case "sort": {
      const fields = words(arg(c, "field", 0));
      const desc = (word(arg(c, "order")) ?? "desc") === "desc";
      const limit = num(word(arg(c, "limit")) ?? null) ?? 200;
      const sorted = [...rows].sort((a, b) => {
        for (const f of fields) {
          const x = a.f[f],
            y = b.f[f];
          const nx = num(x),
            ny = num(y);
          const d = nx !== null && ny !== null ? nx - ny : String(x ?? "").localeCompare(String(y ?? ""));
          if (d) return desc ? -d : d;
        }
        return 0;
      });
      sorted.slice(limit).forEach((r) => env.drop(r.ids, s.text));
      return sorted.slice(0, limit);
    }
    case "table":
    case "select": {
      const fields = words(arg(c, "fields", 0));
      return rows.map((r) => ({
        f: Object.fromEntries(fields.filter((k) => k in r.f).map((k) => [k, r.f[k]])),
        ids: r.ids,
      }));
    }
    case "default": {
      const fields = words(arg(c, "field", 0));
      const v = word(arg(c, "value")) ?? "";
      return rows.map((r) => {
        const o = clone(r);
        for (const f of fields) if (isNull(o.f[f]) || o.f[f] === "") o.f[f] = v;
        return o;
      });
    }
    case "rename": {
      const from = word(arg(c, "field", 0))!;
      const to = word(arg(c, "as", 1))!;
      return rows.map((r) => {
        if (!(from in r.f)) return r;
        const o = clone(r);
        o.f[to] = o.f[from];
        delete o.f[from];
        return o;
      });
    }
    case "formatTime": {
      const as = word(arg(c, "as")) ?? "_time";
      return rows.map((r) => {
        const o = clone(r);
        o.f[as] = callValue(c, r, env);
        return o;
      });
    }
    case "join": {
      const q = arg(c, "query", 0);
      if (q?.t !== "query") throw new NativeEvalError("join without a subquery");
      const mode = word(arg(c, "mode")) ?? "inner";
      if (mode !== "inner" && mode !== "left") throw new NativeEvalError(`join mode=${mode}`);
      const fields = words(arg(c, "field"));
      const keys = words(arg(c, "key"));
      const include = words(arg(c, "include"));
      if (!keys.length) keys.push(...fields);
      const right = env.run(q.stages, env.all.map(clone), { ...env, drop: () => {} });
      const index = new Map<string, Row>();
      for (const r of right) {
        if (keys.some((k) => isNull(r.f[k]))) continue;
        const k = JSON.stringify(keys.map((x) => String(r.f[x])));
        if (!index.has(k)) index.set(k, r);
      }
      return rows.flatMap((l) => {
        const hit = fields.some((k) => isNull(l.f[k]))
          ? undefined
          : index.get(JSON.stringify(fields.map((x) => String(l.f[x]))));
        if (!hit) {
          if (mode === "left") return [l];
          env.drop(l.ids, `join(field=[${fields.join(", ")}]): no matching event in the subquery`);
          return [];
        }
        const o: Row = { f: { ...l.f }, ids: new Set([...l.ids, ...hit.ids]) };
        for (const k of include.length ? include : Object.keys(hit.f))
          if (!isNull(hit.f[k])) o.f[k] = hit.f[k];
        return [o];
      });
    }
  }
  throw new NativeEvalError(`function ${c.name}()`);
}

export function runStages(stages: Stage[], input: Row[], env: Env): Row[] {
  let rows = input;
  for (const s of stages) {
    switch (s.t) {
      case "filter":
        rows = rows.flatMap((r) => {
          const out = applyFilter(s.e, r, env);
          if (!out) env.drop(r.ids, s.text);
          return out ? [out] : [];
        });
        break;
      case "assign":
        rows = rows.map((r) => {
          const o = clone(r);
          const v = evalValue(s.e, r, env);
          if (isNull(v)) delete o.f[s.field];
          else o.f[s.field] = v;
          return o;
        });
        break;
      case "call":
        rows = runCall(s, rows, env);
        break;
      case "case": {
        const quiet = { ...env, drop: () => {} };
        rows = rows.flatMap((r) => {
          for (const b of s.branches) {
            const out = runStages(b, [r], quiet);
            if (out.length) return out;
          }
          env.drop(r.ids, `${s.text.split("\n")[0]} ... }: no branch matched`);
          return [];
        });
        break;
      }
    }
  }
  return rows;
}
