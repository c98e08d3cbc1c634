// YARA-L expression evaluation for one binding of event variables to (unnested) event instances,
// and outcome aggregation over a match window. Functions: re.regex, re.capture, strings.to_lower,
// strings.to_upper, strings.concat, net.ip_in_range_cidr, if; aggregates count, count_distinct,
// sum, min, max, array, array_distinct
// (https://cloud.google.com/chronicle/docs/detection/yara-l-2-0-functions).
import { NativeEvalError } from "@/lib/native-eval/types";
import type { Expr } from "@/lib/native-eval/yara-l/parser";
import {
  compare,
  getPath,
  ipInRange,
  isZero,
  re2,
  regexSubject,
  type Value,
} from "@/lib/native-eval/yara-l/values";

export type Instance = { source: Record<string, unknown>; doc: Record<string, unknown> };
export type Scope = {
  events: Map<string, Instance>;
  placeholders: Map<string, Value>;
  /** Outcome variables already computed (conditions read them). */
  outcomes?: Map<string, Value>;
  /** Per event variable, the instances of the detection window (for aggregates and counts). */
  group?: Map<string, Instance[]>;
  /** Per placeholder, its distinct non-zero values across the detection (what #placeholder counts). */
  placeholderValues?: Map<string, Set<string>>;
};

const AGGREGATES = new Set([
  "count",
  "count_distinct",
  "sum",
  "min",
  "max",
  "array",
  "array_distinct",
  "avg",
]);

const FUNCTIONS = new Set([
  "re.regex",
  "re.capture",
  "strings.to_lower",
  "strings.to_upper",
  "strings.concat",
  "net.ip_in_range_cidr",
  "if",
]);

/** Refuses, before any event is read, an expression calling a function this evaluator lacks. */
export function checkFunctions(e: Expr): void {
  if (e.k === "call" && !FUNCTIONS.has(e.name) && !AGGREGATES.has(e.name))
    throw new NativeEvalError(
      e.name.startsWith("unsupported: ") ? e.name.slice(13) : `function ${e.name}()`,
      e.start,
    );
  children(e).forEach(checkFunctions);
}

export function eventVars(e: Expr, out = new Set<string>()): Set<string> {
  if (e.k === "field") out.add(e.v);
  for (const child of children(e)) eventVars(child, out);
  return out;
}
export function placeholders(e: Expr, out = new Set<string>()): Set<string> {
  if (e.k === "var") out.add(e.name);
  for (const child of children(e)) placeholders(child, out);
  return out;
}
export function fieldPaths(e: Expr, out: string[][] = []): string[][] {
  if (e.k === "field") out.push(e.path);
  for (const child of children(e)) fieldPaths(child, out);
  return out;
}
function children(e: Expr): Expr[] {
  if (e.k === "call") return e.args;
  if (e.k === "cmp" || e.k === "arith" || e.k === "and" || e.k === "or") return [e.a, e.b];
  if (e.k === "not") return [e.e];
  return [];
}

function truthy(v: Value): boolean {
  return v === true;
}

export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.k) {
    case "lit":
      return e.value;
    case "field": {
      const inst = scope.events.get(e.v);
      if (!inst) throw new NativeEvalError(`$${e.v} used outside its event`);
      return getPath(inst.doc, e.path);
    }
    case "var": {
      if (scope.outcomes?.has(e.name)) return scope.outcomes.get(e.name);
      if (scope.placeholders.has(e.name)) return scope.placeholders.get(e.name);
      if (scope.group?.has(e.name)) return (scope.group.get(e.name)?.length ?? 0) > 0;
      throw new NativeEvalError(`$${e.name} has no value here`);
    }
    case "count": {
      const group = scope.group?.get(e.name);
      if (group) return new Set(group.map((i) => i.source)).size;
      const distinct = scope.placeholderValues?.get(e.name);
      if (distinct) return distinct.size;
      throw new NativeEvalError(`#${e.name}: no such event variable or placeholder`);
    }
    case "regex":
      throw new NativeEvalError("a regular expression outside a comparison");
    case "absent":
      throw new NativeEvalError(`!$${e.name} (absence)`);
    case "not":
      return !truthy(evaluate(e.e, scope));
    case "and":
      return truthy(evaluate(e.a, scope)) && truthy(evaluate(e.b, scope));
    case "or":
      return truthy(evaluate(e.a, scope)) || truthy(evaluate(e.b, scope));
    case "arith": {
      const a = Number(evaluate(e.a, scope) ?? 0);
      const b = Number(evaluate(e.b, scope) ?? 0);
      return e.op === "+" ? a + b : e.op === "-" ? a - b : a * b;
    }
    case "cmp": {
      const a = evaluate(e.a, scope);
      if (e.b.k === "regex") {
        if (e.op !== "=" && e.op !== "!=") throw new NativeEvalError(`regex with ${e.op}`);
        const re = re2(e.b.source, e.b.nocase || e.nocase);
        const hit = re.test(regexSubject(re, a === undefined ? "" : String(a)));
        return e.op === "=" ? hit : !hit;
      }
      const c = compare(a, evaluate(e.b, scope), e.nocase);
      if (c === null) return false;
      switch (e.op) {
        case "=":
          return c === 0;
        case "!=":
          return c !== 0;
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case ">":
          return c > 0;
        default:
          return c >= 0;
      }
    }
    case "call":
      return call(e, scope);
  }
}

function str(v: Value): string {
  return v === undefined ? "" : String(v);
}

function call(e: Extract<Expr, { k: "call" }>, scope: Scope): Value {
  if (AGGREGATES.has(e.name)) return aggregate(e, scope);
  const args = () => e.args.map((a) => evaluate(a, scope));
  switch (e.name) {
    case "re.regex": {
      const [s, p] = args();
      const re = re2(str(p), e.nocase === true);
      return re.test(regexSubject(re, str(s)));
    }
    case "re.capture": {
      const [s, p] = args();
      const re = re2(str(p), false);
      const m = re.exec(regexSubject(re, str(s)));
      return m ? (m[1] ?? m[0]) : "";
    }
    case "strings.to_lower":
      return str(args()[0]).toLowerCase();
    case "strings.to_upper":
      return str(args()[0]).toUpperCase();
    case "strings.concat":
      return args().map(str).join("");
    case "net.ip_in_range_cidr": {
      const [ip, cidr] = args();
      return ipInRange(ip, cidr);
    }
    case "if":
      return truthy(evaluate(e.args[0]!, scope)) ? evaluate(e.args[1]!, scope) : evaluate(e.args[2]!, scope);
  }
  throw new NativeEvalError(`function ${e.name}()`, e.start);
}

function aggregate(e: Extract<Expr, { k: "call" }>, scope: Scope): Value {
  if (!scope.group) throw new NativeEvalError(`${e.name}() without a match section`);
  const arg = e.args[0];
  if (!arg || e.args.length !== 1) throw new NativeEvalError(`${e.name}() with ${e.args.length} arguments`);
  const vars = [...eventVars(arg)];
  if (vars.length > 1) throw new NativeEvalError(`${e.name}() over several event variables`);
  const instances = vars.length ? (scope.group.get(vars[0]!) ?? []) : [undefined];
  const values = instances.map((inst) =>
    evaluate(arg, inst ? { ...scope, events: new Map([[vars[0]!, inst]]) } : scope),
  );
  switch (e.name) {
    case "count":
      return values.length;
    case "count_distinct":
      return new Set(values.filter((v) => !isZero(v)).map(str)).size;
    case "sum":
      return values.reduce<number>((s, v) => s + Number(v ?? 0), 0);
    case "avg":
      return values.length ? values.reduce<number>((s, v) => s + Number(v ?? 0), 0) / values.length : 0;
    case "min":
    case "max": {
      const nums = values.filter((v) => v !== undefined);
      if (!nums.length) return undefined;
      return nums.reduce((m, v) => ((compare(v, m, false) ?? 0) * (e.name === "min" ? -1 : 1) > 0 ? v : m));
    }
    case "array":
      return values.filter((v) => !isZero(v));
    default:
      return [...new Set(values.filter((v) => !isZero(v)).map(str))];
  }
}
