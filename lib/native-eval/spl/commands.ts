// One function per SPL command the corpus uses; each takes rows and returns rows. Anything not
// listed here makes the query "not evaluated: <command>". Per-command semantics cite the
// Search Reference page (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/search-commands/<name>).
import { NativeEvalError } from "@/lib/native-eval/types";
import { clone, isNull, num, str, values, type Ctx, type Row, type Value } from "@/lib/native-eval/spl/rows";
import { failingClause, parseSearch, testSearch } from "@/lib/native-eval/spl/search";
import { evaluate, parseExpr, truthy } from "@/lib/native-eval/spl/expr";
import { aggregate, groupRows, parseAggs } from "@/lib/native-eval/spl/stats";
import { compileRegex } from "@/lib/native-eval/spl/pcre";
import { relativeTime, spanSeconds, strftime } from "@/lib/native-eval/spl/time";
import type { Command } from "@/lib/native-eval/spl/pipeline";
import { runTstats } from "@/lib/native-eval/spl/tstats";

/** Position of a keyword at depth 0 outside quotes, or -1. */
export function findKeyword(text: string, kw: string, from = 0): number {
  let depth = 0;
  let quote = false;
  const re = new RegExp(`^${kw}\\b`, "i");
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') {
      quote = true;
      continue;
    }
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && (i === 0 || /\s/.test(text[i - 1]!)) && re.test(text.slice(i))) return i;
  }
  return -1;
}

/** Splits at top-level commas (outside quotes and parentheses). */
export function splitTop(text: string, sep = ","): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === "\\") cur += text[++i] ?? "";
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === "(" || c === "[") depth++;
    if (c === ")" || c === "]") depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

const names = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((n) => n.replace(/^"(.*)"$/, "$1"));

function wildcardRegex(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split("*")
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("(.*)")}$`,
  );
}

function filter(rows: Row[], ctx: Ctx, keep: (r: Row) => boolean, clause: (r: Row) => string): Row[] {
  return rows.filter((r) => {
    const k = keep(r);
    if (!k) ctx.drop(r.ids, clause(r));
    return k;
  });
}

function timeFilter(rows: Row[], ctx: Ctx, earliest?: string, latest?: string): Row[] {
  const now = ctx.now.getTime() / 1000;
  const lo = earliest ? relativeTime(now, earliest) : -Infinity;
  const hi = latest ? relativeTime(now, latest) : Infinity;
  return filter(
    rows,
    ctx,
    (r) => {
      const t = num(r.f._time);
      return t !== null && t >= lo && t <= hi;
    },
    () => `earliest=${earliest ?? ""} latest=${latest ?? "now"}`,
  );
}

export function run(cmd: Command, rows: Row[], ctx: Ctx, first: boolean): Row[] {
  const a = cmd.args.trim();
  const env = { now: ctx.now };
  switch (cmd.name) {
    case "search": {
      const s = parseSearch(a);
      let input = rows;
      if (first)
        input = [...ctx.sources.entries()]
          .filter(([n]) => !n.startsWith("datamodel="))
          .flatMap(([, r]) => r.map(clone));
      const kept = filter(
        input,
        ctx,
        (r) => testSearch(s.node, r),
        (r) => `search ${failingClause(s.node, r)}`,
      );
      return s.earliest || s.latest ? timeFilter(kept, ctx, s.earliest, s.latest) : kept;
    }
    case "tstats": {
      if (!first) throw new NativeEvalError("tstats after the first command");
      return runTstats(a, ctx);
    }
    case "where": {
      const e = parseExpr(a);
      return filter(
        rows,
        ctx,
        (r) => truthy(evaluate(e, r, env)),
        () => cmd.text,
      );
    }
    case "eval": {
      const assigns = splitTop(a).map((p) => {
        const m = /^("([^"]+)"|'([^']+)'|[^=\s]+)\s*=([\s\S]*)$/.exec(p);
        if (!m) throw new NativeEvalError(`eval: cannot read '${p}'`);
        return { name: m[2] ?? m[3] ?? m[1]!, e: parseExpr(m[4]!) };
      });
      return rows.map((r) => {
        const o = clone(r);
        for (const x of assigns) {
          const v = evaluate(x.e, o, env);
          if (isNull(v)) delete o.f[x.name];
          else o.f[x.name] = v;
        }
        return o;
      });
    }
    case "stats":
    case "eventstats": {
      const by = findKeyword(a, "by");
      const aggs = parseAggs(by < 0 ? a : a.slice(0, by));
      const keys = by < 0 ? [] : names(a.slice(by + 2));
      const { groups, dropped } = groupRows(rows, keys);
      if (cmd.name === "stats") {
        for (const r of dropped)
          ctx.drop(r.ids, `${cmd.text.split(/\s+/).slice(0, 1)} BY ${keys.join(" ")}: a BY field is null`);
        const out: Row[] = [];
        for (const g of groups.values()) {
          const row: Row = { f: {}, ids: new Set(g.flatMap((r) => [...r.ids])) };
          for (const k of keys) row.f[k] = g[0]!.f[k];
          for (const ag of aggs) {
            const v = aggregate(ag, g, env);
            if (!isNull(v)) row.f[ag.as] = v;
          }
          out.push(row);
        }
        if (!keys.length && !out.length)
          out.push({ f: Object.fromEntries(aggs.map((x) => [x.as, aggregate(x, [], env)])), ids: new Set() });
        return out;
      }
      const results = new Map<Row, Record<string, Value>>();
      for (const g of groups.values()) {
        const vals: Record<string, Value> = {};
        for (const ag of aggs) vals[ag.as] = aggregate(ag, g, env);
        for (const r of g) results.set(r, vals);
      }
      return rows.map((r) => {
        const o = clone(r);
        const v = results.get(r);
        if (v) for (const [k, x] of Object.entries(v)) if (!isNull(x)) o.f[k] = x;
        return o;
      });
    }
    case "rename": {
      const pairs = splitTop(a).flatMap((p) => {
        const parts = p.split(/\s+(?:AS|as)\s+/);
        const out: Array<[string, string]> = [];
        // `rename a AS b c AS d` without commas.
        const toks = p.match(/"[^"]*"|\S+/g) ?? [];
        if (parts.length === 2 && toks.length === 3)
          return [[toks[0]!.replace(/"/g, ""), toks[2]!.replace(/"/g, "")] as [string, string]];
        for (let i = 0; i + 2 < toks.length; i += 3) {
          if (!/^as$/i.test(toks[i + 1]!)) throw new NativeEvalError(`rename: cannot read '${p}'`);
          out.push([toks[i]!.replace(/"/g, ""), toks[i + 2]!.replace(/"/g, "")]);
        }
        return out;
      });
      return rows.map((r) => {
        const o = clone(r);
        for (const [from, to] of pairs) {
          if (from.includes("*")) {
            const re = wildcardRegex(from);
            for (const k of Object.keys(o.f)) {
              const m = re.exec(k);
              if (!m) continue;
              let i = 1;
              const nk = to.replace(/\*/g, () => m[i++] ?? "");
              const v = o.f[k];
              delete o.f[k];
              o.f[nk] = v;
            }
          } else if (from in o.f) {
            const v = o.f[from];
            delete o.f[from];
            o.f[to] = v;
          }
        }
        return o;
      });
    }
    case "table":
    case "fields": {
      let list = names(a);
      let remove = false;
      if (list[0] === "-") {
        remove = true;
        list = list.slice(1);
      } else if (list[0] === "+") list = list.slice(1);
      const res = list.map(wildcardRegex);
      return rows.map((r) => {
        const f: Record<string, Value> = {};
        for (const [k, v] of Object.entries(r.f)) {
          const hit = res.some((re) => re.test(k));
          // fields keeps the internal _time; table shows only what it names.
          if (remove ? !hit : hit || (cmd.name === "fields" && k.startsWith("_"))) f[k] = v;
        }
        return { f, ids: r.ids };
      });
    }
    case "convert": {
      const items = [...a.matchAll(/(\w+)\(([^)]+)\)(?:\s+(?:AS|as)\s+(\S+))?/g)];
      return rows.map((r) => {
        const o = clone(r);
        for (const m of items) {
          if (m[1] !== "ctime") throw new NativeEvalError(`convert ${m[1]}()`);
          const t = num(o.f[m[2]!.trim()]);
          if (t !== null) o.f[m[3] ?? m[2]!.trim()] = strftime(t, "%m/%d/%Y %H:%M:%S");
        }
        return o;
      });
    }
    case "sort": {
      const specs = splitTop(a.replace(/^\d+\s+/, ""))
        .flatMap((s) => s.split(/\s+(?=[-+]?\s*[A-Za-z_])/))
        .map((s) => s.trim())
        .filter(Boolean);
      const keys: Array<{ f: string; desc: boolean }> = [];
      let pendingDesc: boolean | null = null;
      for (const t of specs.flatMap((s) => s.split(/\s+/))) {
        if (t === "-" || t === "+") {
          pendingDesc = t === "-";
          continue;
        }
        const m = /^([-+]?)(.+)$/.exec(t)!;
        keys.push({ f: m[2]!, desc: m[1] === "-" || pendingDesc === true });
        pendingDesc = null;
      }
      const cmp = (x: Value, y: Value) => {
        const nx = num(x),
          ny = num(y);
        if (nx !== null && ny !== null) return nx - ny;
        return str(x).localeCompare(str(y));
      };
      return [...rows].sort((p, q) => {
        for (const k of keys) {
          const c = cmp(p.f[k.f], q.f[k.f]);
          if (c) return k.desc ? -c : c;
        }
        return 0;
      });
    }
    case "head": {
      const n = Number(/^\d+/.exec(a)?.[0] ?? 10);
      rows.slice(n).forEach((r) => ctx.drop(r.ids, cmd.text));
      return rows.slice(0, n);
    }
    case "dedup": {
      const keys = names(a);
      const seen = new Set<string>();
      return filter(
        rows,
        ctx,
        (r) => {
          if (keys.some((k) => isNull(r.f[k]))) return true;
          const key = JSON.stringify(keys.map((k) => r.f[k]));
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        },
        () => cmd.text,
      );
    }
    case "rex": {
      const m = /^(?:field=("[^"]+"|\S+)\s+)?"((?:[^"\\]|\\.)*)"\s*$/.exec(a);
      if (!m) throw new NativeEvalError(`rex option in '${cmd.text}'`);
      const field = (m[1] ?? "_raw").replace(/"/g, "");
      const re = compileRegex(m[2]!.replace(/\\(["\\])/g, "$1"));
      return rows.map((r) => {
        const v = r.f[field];
        if (isNull(v)) return r;
        const g = re.groups(str(values(v)[0]));
        if (!g) return r;
        const o = clone(r);
        Object.assign(o.f, g);
        return o;
      });
    }
    case "regex": {
      const m = /^(\S+?)(!?=)"((?:[^"\\]|\\.)*)"\s*$/.exec(a);
      if (!m) throw new NativeEvalError(`regex without a field in '${cmd.text}'`);
      const re = compileRegex(m[3]!.replace(/\\(["\\])/g, "$1"));
      return filter(
        rows,
        ctx,
        (r) => {
          const hit = values(r.f[m[1]!]).some((x) => re.test(String(x)));
          return m[2] === "=" ? hit : !hit;
        },
        () => cmd.text,
      );
    }
    case "bin":
    case "bucket": {
      const span = /span=(\S+)/.exec(a)?.[1];
      const field = a
        .replace(/span=\S+/, "")
        .replace(/(AS|as)\s+\S+/, "")
        .trim();
      const as = /(?:AS|as)\s+(\S+)/.exec(a)?.[1] ?? field;
      if (!span || !field) throw new NativeEvalError(`bin without span in '${cmd.text}'`);
      const s = spanSeconds(span);
      return rows.map((r) => {
        const t = num(r.f[field]);
        if (t === null) return r;
        const o = clone(r);
        o.f[as] = Math.floor(t / s) * s;
        return o;
      });
    }
    case "fillnull": {
      const vm = /value=("([^"]*)"|\S+)/.exec(a);
      const value = vm ? (vm[2] ?? vm[1]!) : "0";
      const list = names(a.replace(/value=("[^"]*"|\S+)/, ""));
      if (!list.length) throw new NativeEvalError("fillnull without a field list");
      return rows.map((r) => {
        const o = clone(r);
        for (const k of list) if (isNull(o.f[k])) o.f[k] = value;
        return o;
      });
    }
    case "mvexpand": {
      // One row per value of the field; each keeps the row's sample ids (mvexpand page).
      const field = names(a.replace(/limit=\S+/, ""))[0];
      if (!field) throw new NativeEvalError("mvexpand without a field");
      return rows.flatMap((r) => {
        const vs = values(r.f[field]);
        if (vs.length <= 1) return [r];
        return vs.map((v) => ({ f: { ...r.f, [field]: v }, ids: new Set(r.ids) }));
      });
    }
    case "join": {
      const open = a.indexOf("[");
      if (open < 0 || !a.trimEnd().endsWith("]")) throw new NativeEvalError("join without a subsearch");
      const head = a.slice(0, open);
      const sub = a
        .slice(open + 1, a.trimEnd().length - 1)
        .trim()
        .replace(/^search\s+/, "");
      const type = /type=(\w+)/.exec(head)?.[1] ?? "inner";
      if (type !== "left" && type !== "outer" && type !== "inner")
        throw new NativeEvalError(`join type=${type}`);
      if (/max=/.test(head) && !/max=1\b/.test(head)) throw new NativeEvalError("join max other than 1");
      const keys = names(head.replace(/\w+=\S+/g, ""));
      const right = ctx.run(sub);
      const index = new Map<string, Row>();
      for (const r of right) {
        if (keys.some((k) => isNull(r.f[k]))) continue;
        const key = JSON.stringify(keys.map((k) => str(r.f[k])));
        if (!index.has(key)) index.set(key, r);
      }
      const out: Row[] = [];
      for (const l of rows) {
        const hit = keys.some((k) => isNull(l.f[k]))
          ? undefined
          : index.get(JSON.stringify(keys.map((k) => str(l.f[k]))));
        if (!hit) {
          if (type === "inner") ctx.drop(l.ids, `join ${keys.join(" ")}: no match in the subsearch`);
          else out.push(l);
          continue;
        }
        out.push({ f: { ...l.f, ...hit.f }, ids: new Set([...l.ids, ...hit.ids]) });
      }
      return out;
    }
  }
  throw new NativeEvalError(`command ${cmd.name}`);
}
