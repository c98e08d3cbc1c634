// Detections of a YARA-L rule over UDM events.
// - Repeated fields the rule reads are unnested: each element makes its own event instance, and
//   every predicate is evaluated per instance (https://cloud.google.com/chronicle/docs/detection/yara-l-issues).
// - `$ph = $e.field` binds a placeholder; a placeholder bound by two event variables joins them.
// - Match variables group events; by default a zero value ("" or 0) of a match variable drops the
//   event (options allow_zero_values = true keeps it).
// - `match: ... over W`: a detection is a set of events within W of each other that satisfies the
//   condition. Every window start at an event's time is tried.
import { NativeEvalError, type PlatformEvent } from "@/lib/native-eval/types";
import {
  evaluate,
  eventVars,
  fieldPaths,
  placeholders,
  type Instance,
  type Scope,
} from "@/lib/native-eval/yara-l/evaluate";
import type { Expr, Rule } from "@/lib/native-eval/yara-l/parser";
import { getPath, isZero, type Value } from "@/lib/native-eval/yara-l/values";

type Binding = { v: string; ph: string; expr: Expr };
export type Candidate = { inst: Instance; ph: Map<string, Value>; t: number };
export type Plan = { vars: string[]; filters: Map<string, Expr[]>; bindings: Binding[]; cross: Expr[] };

export function plan(rule: Rule): Plan {
  const filters = new Map<string, Expr[]>();
  const bindings: Binding[] = [];
  const cross: Expr[] = [];
  for (const s of rule.events) {
    const vars = [...eventVars(s)];
    const phs = [...placeholders(s)];
    if (vars.length === 0)
      throw new NativeEvalError("an events statement without an event variable", s.start);
    if (phs.length > 0) {
      const side =
        s.k === "cmp" && s.op === "=" ? (s.a.k === "var" ? s.b : s.b.k === "var" ? s.a : null) : null;
      const ph = s.k === "cmp" ? (s.a.k === "var" ? s.a : s.b) : null;
      if (!side || !ph || ph.k !== "var" || vars.length !== 1 || placeholders(side).size > 0)
        throw new NativeEvalError("a placeholder inside a larger expression", s.start);
      bindings.push({ v: vars[0]!, ph: ph.name, expr: side });
    } else if (vars.length === 1) filters.set(vars[0]!, [...(filters.get(vars[0]!) ?? []), s]);
    else cross.push(s);
  }
  const vars = [...new Set([...filters.keys(), ...bindings.map((b) => b.v)])];
  return { vars, filters, bindings, cross };
}

/** Copies of the event, one per combination of the repeated fields the rule reads. */
export function unnest(
  doc: Record<string, unknown>,
  paths: string[][],
  limit = 256,
): Record<string, unknown>[] {
  for (const path of paths) {
    let cur: unknown = doc;
    for (let i = 0; i < path.length; i++) {
      if (Array.isArray(cur)) {
        const arr = cur;
        const prefix = path.slice(0, i);
        const out = arr.flatMap((item) => unnest(setPath(doc, prefix, item), paths, limit));
        if (out.length > limit) throw new NativeEvalError("too many unnested instances");
        return out;
      }
      if (!cur || typeof cur !== "object") break;
      cur = (cur as Record<string, unknown>)[path[i]!];
    }
    if (Array.isArray(cur)) {
      const out = cur.flatMap((item) => unnest(setPath(doc, path, item), paths, limit));
      return out.length ? out : [setPath(doc, path, undefined)];
    }
  }
  return [doc];
}

function setPath(doc: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  if (path.length === 0) return value as Record<string, unknown>;
  const [head, ...rest] = path;
  const child = doc[head!];
  return {
    ...doc,
    [head!]: rest.length ? setPath((child ?? {}) as Record<string, unknown>, rest, value) : value,
  };
}

/** metadata.event_timestamp as a Timestamp message ({seconds, nanos}) or an RFC 3339 string. */
export function eventTime(doc: Record<string, unknown>): number {
  const seconds = getPath(doc, ["metadata", "event_timestamp", "seconds"]);
  if (typeof seconds === "number")
    return (
      seconds * 1000 + Math.floor(Number(getPath(doc, ["metadata", "event_timestamp", "nanos"]) ?? 0) / 1e6)
    );
  const t = getPath(doc, ["metadata", "event_timestamp"]);
  return typeof t === "string" ? new Date(t).getTime() : NaN;
}

export type Rejection = { statement: Expr };

/** Instances of `v` that pass its filters, with their placeholder values; or the statement that failed. */
export function candidates(
  rule: Rule,
  p: Plan,
  v: string,
  events: PlatformEvent[],
  paths: string[][],
): { accepted: Candidate[]; rejected: Map<PlatformEvent, Expr> } {
  const accepted: Candidate[] = [];
  const rejected = new Map<PlatformEvent, Expr>();
  const matchVars = new Set(rule.match?.vars ?? []);
  for (const source of events) {
    let lastFailure: Expr | undefined;
    for (const doc of unnest(source, paths)) {
      const inst: Instance = { source, doc };
      const scope: Scope = { events: new Map([[v, inst]]), placeholders: new Map() };
      const failed = (p.filters.get(v) ?? []).find((f) => evaluate(f, scope) !== true);
      if (failed) {
        lastFailure = failed;
        continue;
      }
      const ph = new Map<string, Value>();
      let ok = true;
      for (const b of p.bindings.filter((b) => b.v === v)) {
        const value = evaluate(b.expr, scope);
        if (
          (ph.has(b.ph) && ph.get(b.ph) !== value) ||
          (matchVars.has(b.ph) && !rule.allowZeroValues && isZero(value))
        ) {
          ok = false;
          lastFailure = b.expr;
          break;
        }
        ph.set(b.ph, value);
      }
      if (ok) accepted.push({ inst, ph, t: eventTime(doc) });
    }
    if (!accepted.some((c) => c.inst.source === source) && lastFailure) rejected.set(source, lastFailure);
  }
  return { accepted, rejected };
}

export function rulePaths(rule: Rule): string[][] {
  return [...rule.events, ...rule.outcome.values()].flatMap((e) => fieldPaths(e));
}
