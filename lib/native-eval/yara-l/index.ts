// Google SecOps YARA-L 2.0 evaluator. Semantics: values.ts (comparisons, regex, zero values),
// evaluate.ts (functions, aggregates), detect.ts (unnesting, placeholders, match windows).
import { sampleId } from "@/lib/native-eval/eql/fields";
import {
  NativeEvalError,
  type Decision,
  type EvaluationInput,
  type EvaluationResult,
  type NativeEvaluator,
  type PlatformEvent,
} from "@/lib/native-eval/types";
import { candidates, plan, rulePaths, type Candidate } from "@/lib/native-eval/yara-l/detect";
import {
  checkFunctions,
  evaluate,
  placeholders,
  type Instance,
  type Scope,
} from "@/lib/native-eval/yara-l/evaluate";
import { parseRule, type Expr, type Rule } from "@/lib/native-eval/yara-l/parser";
import { isZero, type Value } from "@/lib/native-eval/yara-l/values";

function text(rule: string, e: { start: number; end: number }): string {
  return rule.slice(e.start, e.end).replace(/\s+/g, " ").trim();
}

/** Outcome variables the condition reads, computed over the detection's events. */
function outcomes(rule: Rule, scope: Scope): Map<string, Value> {
  const needed = placeholders(rule.condition);
  const out = new Map<string, Value>();
  for (const [name, expr] of rule.outcome) {
    if (!needed.has(name)) continue;
    if (expr.k === "call" && expr.name.startsWith("unsupported: "))
      throw new NativeEvalError(expr.name.slice(13));
    out.set(name, evaluate(expr, { ...scope, outcomes: out }));
  }
  return out;
}

function conditionHolds(rule: Rule, scope: Scope): boolean {
  return evaluate(rule.condition, { ...scope, outcomes: outcomes(rule, scope) }) === true;
}

/** Tuples (one instance per variable) that agree on shared placeholders and pass cross-event predicates. */
function tuples(vars: string[], pools: Map<string, Candidate[]>, cross: Expr[]): Candidate[][] {
  const out: Candidate[][] = [];
  const walk = (i: number, chosen: Candidate[], ph: Map<string, Value>) => {
    if (i === vars.length) {
      const scope: Scope = { events: new Map(vars.map((v, j) => [v, chosen[j]!.inst])), placeholders: ph };
      if (cross.every((c) => evaluate(c, scope) === true)) out.push(chosen);
      return;
    }
    for (const c of pools.get(vars[i]!) ?? []) {
      if ([...c.ph].some(([k, v]) => ph.has(k) && ph.get(k) !== v)) continue;
      walk(i + 1, [...chosen, c], new Map([...ph, ...c.ph]));
    }
  };
  walk(0, [], new Map());
  return out;
}

function detect(ruleText: string, rule: Rule, events: PlatformEvent[]): EvaluationResult {
  const p = plan(rule);
  const paths = rulePaths(rule);
  const decisions = new Map<string, Decision>();
  const rows: PlatformEvent[] = [];
  const fired = new Set<PlatformEvent>();
  const pools = new Map<string, Candidate[]>();
  const rejected = new Map<PlatformEvent, Expr>();
  for (const v of p.vars) {
    const c = candidates(rule, p, v, events, paths);
    pools.set(v, c.accepted);
    for (const [ev, stmt] of c.rejected) if (!rejected.has(ev)) rejected.set(ev, stmt);
  }
  const condition = text(ruleText, rule.condition);

  if (!rule.match) {
    if (p.vars.length !== 1) throw new NativeEvalError("several event variables without a match section");
    const v = p.vars[0]!;
    for (const c of pools.get(v)!) {
      const group = new Map([[v, [c.inst]]]);
      const scope: Scope = { events: new Map([[v, c.inst]]), placeholders: c.ph, group };
      if (conditionHolds(rule, scope)) {
        fired.add(c.inst.source);
        rows.push({ rule: rule.name, events: [stripId(c.inst.source)] });
      }
    }
  } else {
    const matchVars = rule.match.vars;
    for (const v of p.vars) {
      const bound = new Set(p.bindings.filter((b) => b.v === v).map((b) => b.ph));
      const missing = matchVars.find((m) => !bound.has(m));
      if (missing) throw new NativeEvalError(`$${v} does not bind match variable $${missing}`);
    }
    const all = [...pools.values()].flat();
    const keyOf = (c: Candidate) => JSON.stringify(matchVars.map((m) => c.ph.get(m)));
    const keys = new Set(all.map(keyOf));
    const windowMs = rule.match.windowMs;
    for (const key of keys) {
      const inKey = new Map(p.vars.map((v) => [v, pools.get(v)!.filter((c) => keyOf(c) === key)]));
      const starts = [...new Set([...inKey.values()].flat().map((c) => c.t))].sort((a, b) => a - b);
      for (const t0 of starts) {
        const windowPools = new Map(
          [...inKey].map(([v, cs]) => [v, cs.filter((c) => c.t >= t0 && c.t <= t0 + windowMs)] as const),
        );
        const valid = tuples(p.vars, windowPools, p.cross);
        const group = new Map<string, Instance[]>(
          p.vars.map((v, i) => [v, [...new Set(valid.map((tuple) => tuple[i]!.inst))]]),
        );
        const ph = new Map(matchVars.map((m, i) => [m, JSON.parse(key)[i] as Value]));
        const placeholderValues = new Map<string, Set<string>>();
        for (const c of valid.flat())
          for (const [name, v] of c.ph)
            if (!isZero(v))
              placeholderValues.set(name, (placeholderValues.get(name) ?? new Set()).add(String(v)));
        const anyPresent = [...group.values()].some((g) => g.length > 0);
        if (
          !anyPresent ||
          !conditionHolds(rule, { events: new Map(), placeholders: ph, group, placeholderValues })
        )
          continue;
        const sources = new Set([...group.values()].flat().map((i) => i.source));
        if ([...sources].every((s) => fired.has(s))) continue;
        sources.forEach((s) => fired.add(s));
        rows.push({ rule: rule.name, match: Object.fromEntries(ph), events: [...sources].map(stripId) });
      }
    }
  }
  const accepted = new Set([...pools.values()].flat().map((c) => c.inst.source));
  for (const ev of events) {
    const id = sampleId(ev);
    if (!id) continue;
    if (fired.has(ev)) decisions.set(id, { matched: true, clause: `condition: ${condition}` });
    else if (accepted.has(ev))
      decisions.set(id, {
        matched: false,
        clause: rule.match
          ? `condition: ${condition} (not met by its match group within ${rule.match.windowMs / 60_000}m)`
          : `condition: ${condition}`,
      });
    else {
      const stmt = rejected.get(ev);
      decisions.set(id, { matched: false, clause: stmt ? text(ruleText, stmt) : "events" });
    }
  }
  return { kind: "evaluated", rows, decisions };
}

function stripId(ev: PlatformEvent): PlatformEvent {
  return Object.fromEntries(Object.entries(ev).filter(([k]) => k !== "__sample"));
}

export const yaraLEvaluator: NativeEvaluator = {
  language: "yara-l",
  version: "yara-l-1.1.0",
  evaluate(input: EvaluationInput): EvaluationResult {
    try {
      const rule = parseRule(input.query);
      // Every statement must be readable before any event is: refuse rather than half-evaluate.
      plan(rule);
      const needed = placeholders(rule.condition);
      const outcomeExprs = [...rule.outcome].filter(([name]) => needed.has(name)).map(([, e]) => e);
      [...rule.events, rule.condition, ...outcomeExprs].forEach(checkFunctions);
      return detect(
        input.query,
        rule,
        input.sources.flatMap((s) => s.events),
      );
    } catch (error) {
      if (error instanceof NativeEvalError) return { kind: "not-evaluated", construct: error.message };
      throw error;
    }
  },
};
