// tstats over a CIM data model (https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/latest/search-commands/tstats).
// Samples for a data model are the dataset's rows as the data model presents them, field names with
// the dataset prefix (`Processes.process_name`), in the source named `datamodel=Endpoint.Processes`.
// The WHERE clause has `search` semantics (case-insensitive values, `*` wildcards). `summariesonly`
// only chooses accelerated summaries over raw events; our samples are the data model's rows either
// way. `prestats=t` emits intermediate results for a later stats and is not evaluated.
import { NativeEvalError } from "@/lib/native-eval/types";
import { clone, isNull, num, type Ctx, type Row } from "@/lib/native-eval/spl/rows";
import { failingClause, parseSearch, testSearch } from "@/lib/native-eval/spl/search";
import { aggregate, groupRows, parseAggs } from "@/lib/native-eval/spl/stats";
import { relativeTime, spanSeconds } from "@/lib/native-eval/spl/time";
import { findKeyword } from "@/lib/native-eval/spl/commands";

export function runTstats(args: string, ctx: Ctx): Row[] {
  const from = findKeyword(args, "from");
  if (from < 0) throw new NativeEvalError("tstats without FROM datamodel=");
  let head = args.slice(0, from);
  if (/prestats\s*=\s*(t|true)\b/i.test(head)) throw new NativeEvalError("tstats prestats=t");
  head = head.replace(
    /\b(summariesonly|allow_old_summaries|prestats|chunk_size|fillnull_value|local|append)\s*=\s*\S+/gi,
    "",
  );
  const aggs = parseAggs(head);
  const rest = args.slice(from + 4).trim();
  const dm = /^datamodel\s*=\s*"?([A-Za-z_]+(?:\.[A-Za-z_]+)?)"?/.exec(rest);
  if (!dm) throw new NativeEvalError("tstats FROM other than datamodel=");
  let after = rest.slice(dm[0].length);
  const whereAt = findKeyword(after, "where");
  const byAt = findKeyword(after, "by");
  let whereText = "";
  let byText = "";
  if (whereAt >= 0) whereText = after.slice(whereAt + 5, byAt > whereAt ? byAt : undefined);
  if (byAt >= 0) byText = after.slice(byAt + 2);
  after = "";
  const name = dm[1]!;
  const root = name.split(".")[0]!;
  const events =
    ctx.sources.get(`datamodel=${name}`) ??
    ctx.sources.get(name.includes(".") ? `datamodel=${root}` : `datamodel=${root}.${root}`) ??
    [];
  const s = parseSearch(whereText);
  const now = ctx.now.getTime() / 1000;
  const lo = s.earliest ? relativeTime(now, s.earliest) : -Infinity;
  const hi = s.latest ? relativeTime(now, s.latest) : Infinity;
  const rows: Row[] = [];
  for (const e of events) {
    const r = clone(e);
    if (!testSearch(s.node, r)) {
      ctx.drop(r.ids, `tstats WHERE ${failingClause(s.node, r)}`);
      continue;
    }
    const t = num(r.f._time);
    if (t === null || t < lo || t > hi) {
      ctx.drop(r.ids, `tstats earliest=${s.earliest ?? ""}`);
      continue;
    }
    rows.push(r);
  }
  const span = /span\s*=\s*(\S+)/.exec(byText)?.[1];
  const keys = byText
    .replace(/span\s*=\s*\S+/, "")
    .split(/[\s,]+/)
    .filter(Boolean);
  if (span) {
    const sec = spanSeconds(span);
    for (const r of rows) {
      const t = num(r.f._time);
      if (t !== null) r.f._time = Math.floor(t / sec) * sec;
    }
  }
  const { groups, dropped } = groupRows(rows, keys);
  for (const r of dropped) ctx.drop(r.ids, `tstats BY ${keys.filter((k) => isNull(r.f[k])).join(" ")}: null`);
  const env = { now: ctx.now };
  const out: Row[] = [];
  for (const g of groups.values()) {
    const row: Row = { f: {}, ids: new Set(g.flatMap((r) => [...r.ids])) };
    for (const k of keys) row.f[k] = g[0]!.f[k];
    for (const a of aggs) {
      const v = aggregate(a, g, env);
      if (!isNull(v)) row.f[a.as] = v;
    }
    out.push(row);
  }
  return out;
}
