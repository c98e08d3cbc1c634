// The backend-neutral boolean expression a rule becomes once its condition is expanded and its
// fields are mapped: every backend only serialises and/or/not over single field matches.
import { expandCondition } from "@/lib/sigma/engine/condition";
import type {
  ConditionNode,
  DetectionGroup,
  DetectionItem,
  DetectionRule,
  SigmaValue,
} from "@/lib/sigma/engine/model";
import type { ResolvedMapping } from "@/lib/sigma/backends/pipeline";

export type BoolExpr = { t: "and" | "or"; args: Expr[] };

export type Expr =
  | { t: "and" | "or"; args: Expr[] }
  | { t: "not"; arg: Expr }
  | { t: "match"; field: string | null; value: SigmaValue };

const join = (t: "and" | "or", args: Expr[]): Expr => {
  const flat = args.flatMap((a) => (a.t === t ? a.args : [a]));
  return flat.length === 1 ? flat[0]! : { t, args: flat };
};

function itemExpr(item: DetectionItem, mapping: ResolvedMapping): Expr {
  const field = item.field === null ? null : mapping.field(item.field);
  const matches = item.values.map((value): Expr => {
    if (value.kind === "fieldref")
      return { t: "match", field, value: { ...value, field: mapping.field(value.field) } };
    return { t: "match", field, value };
  });
  return join(item.link, matches);
}

function groupExpr(group: DetectionGroup, mapping: ResolvedMapping): Expr {
  const body = join(
    group.link,
    group.items.map((x) => (x.type === "item" ? itemExpr(x, mapping) : groupExpr(x, mapping))),
  );
  return group.negated ? { t: "not", arg: body } : body;
}

function conditionExpr(node: ConditionNode, groups: Map<string, Expr>): Expr {
  switch (node.type) {
    case "id":
      return groups.get(node.name)!;
    case "not":
      return { t: "not", arg: conditionExpr(node.arg, groups) };
    case "and":
    case "or":
      return join(
        node.type,
        node.args.map((a) => conditionExpr(a, groups)),
      );
    case "of":
      throw new Error("unexpanded of-expression");
  }
}

/**
 * Removes negations a backend would otherwise print twice: not(not x) is x, and not(exists:
 * false) / not(exists: true) flip the exists test (Lucene printed `NOT NOT _exists_:x`).
 */
export function simplify(e: Expr): Expr {
  if (e.t === "match") return e;
  if (e.t !== "not") return { t: e.t, args: e.args.map(simplify) };
  const inner = simplify(e.arg);
  if (inner.t === "not") return inner.arg;
  if (inner.t === "match" && inner.value.kind === "exists")
    return { ...inner, value: { kind: "exists", value: !inner.value.value } };
  return { t: "not", arg: inner };
}

/** One expression per condition of the rule (Sigma allows a list of conditions, ORed). */
export function ruleExpr(rule: DetectionRule, mapping: ResolvedMapping): Expr {
  return simplify(rawRuleExpr(rule, mapping));
}

function rawRuleExpr(rule: DetectionRule, mapping: ResolvedMapping): Expr {
  const names = [...rule.detections.keys()];
  const groups = new Map(names.map((n) => [n, groupExpr(rule.detections.get(n)!, mapping)]));
  const body = join(
    "or",
    rule.conditions.map((c) => conditionExpr(expandCondition(c, names), groups)),
  );
  const fixed = fixedConditions(mapping.conditions);
  return fixed.length ? join("and", [...fixed, body]) : body;
}

/** The pipeline's fixed conditions as matches (a list is any of its values). */
export function fixedConditions(conditions: ResolvedMapping["conditions"], { cased = false } = {}): Expr[] {
  const one = (field: string, v: string | number): Expr => ({
    t: "match",
    field,
    value: typeof v === "number" ? { kind: "number", value: v } : { kind: "string", parts: [v], cased },
  });
  return Object.entries(conditions).map(([field, v]) =>
    Array.isArray(v)
      ? join(
          "or",
          v.map((x) => one(field, x)),
        )
      : one(field, v),
  );
}

/** The rule's detection logic alone, without the pipeline's fixed conditions. */
export function detectionExpr(rule: DetectionRule, mapping: ResolvedMapping): Expr {
  return ruleExpr(rule, { ...mapping, conditions: {} });
}

/** The string value's shape, so backends can pick startswith/endswith/contains operators. */
export function stringShape(parts: Array<string | { wildcard: "*" | "?" }>) {
  const inner = parts.slice(1, -1);
  const first = parts[0];
  const last = parts.at(-1);
  const isStar = (p: unknown) =>
    typeof p === "object" && p !== null && (p as { wildcard: string }).wildcard === "*";
  const literal = (ps: typeof parts) => ps.every((p) => typeof p === "string");
  if (literal(parts)) return { shape: "exact" as const, text: parts.join("") };
  if (parts.length === 3 && isStar(first) && isStar(last) && literal(inner))
    return { shape: "contains" as const, text: inner.join("") };
  if (parts.length === 2 && isStar(first) && typeof last === "string")
    return { shape: "endswith" as const, text: last };
  if (parts.length === 2 && typeof first === "string" && isStar(last))
    return { shape: "startswith" as const, text: first };
  return { shape: "wildcard" as const, text: "" };
}

export type StringValue = Extract<SigmaValue, { kind: "string" }>;

/**
 * An OR of string values of one field (`a = x or a = y`), which every target can write as one list
 * (`IN`, `:(…)`, `in~`). Cased values qualify only when the target's list keeps case (`allowCased`).
 * Null when the expression is anything else.
 */
export function stringValuesOfOneField(
  e: BoolExpr,
  { allowCased = false } = {},
): { field: string; values: StringValue[] } | null {
  const first = e.args[0];
  if (e.args.length < 2 || first?.t !== "match" || first.field === null) return null;
  const values: StringValue[] = [];
  for (const a of e.args) {
    if (a.t !== "match" || a.field !== first.field || a.value.kind !== "string") return null;
    if (a.value.cased && !allowCased) return null;
    values.push(a.value);
  }
  return { field: first.field, values };
}

/** As stringValuesOfOneField, but only exact values (no wildcards), as their plain text. */
export function exactValuesOfOneField(e: BoolExpr): { field: string; texts: string[] } | null {
  const list = stringValuesOfOneField(e);
  if (!list) return null;
  const shapes = list.values.map((v) => stringShape(v.parts));
  if (shapes.some((s) => s.shape !== "exact")) return null;
  return { field: list.field, texts: shapes.map((s) => s.text) };
}

/** The value as a regular expression body (for targets that need one for inner wildcards). */
export function partsToRegex(parts: Array<string | { wildcard: "*" | "?" }>): string {
  return parts
    .map((p) =>
      typeof p === "string" ? p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : p.wildcard === "*" ? ".*" : ".",
    )
    .join("");
}

/** Serialises and/or/not with parentheses only where precedence needs them. */
export function serialise(
  expr: Expr,
  tokens: { and: string; or: string; not: (inner: string, simple: boolean) => string },
  leaf: (m: Extract<Expr, { t: "match" }>) => string,
  group?: (e: BoolExpr) => string | null,
): string {
  const go = (e: Expr, parent: "and" | "or" | "not" | null): string => {
    if (e.t === "match") return leaf(e);
    if (e.t === "not") {
      const inner = go(e.arg, "not");
      return tokens.not(inner, e.arg.t === "match");
    }
    if (e.t === "or" && group) {
      const grouped = group(e);
      if (grouped !== null) return grouped;
    }
    const text = e.args.map((a) => go(a, e.t)).join(e.t === "and" ? tokens.and : tokens.or);
    // An AND inside an OR is grouped too: Splunk binds OR tighter than AND, and Lucene has no precedence.
    const needs = (parent === "and" && e.t === "or") || (parent === "or" && e.t === "and");
    return needs ? `(${text})` : text;
  };
  return go(expr, null);
}
