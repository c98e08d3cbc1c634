// Applies a user's pySigma-format pipeline to a parsed rule before a backend's own pipeline:
// field renames and prefixes, extra conditions, log source changes, dropped items, string
// replacements, state (source/index/table override the query's source) and failures.
import { BackendError } from "@/lib/sigma/backends/errors";
import type {
  ConditionNode,
  DetectionGroup,
  DetectionItem,
  DetectionRule,
  SigmaValue,
} from "@/lib/sigma/engine/model";
import { parseWildcards } from "@/lib/sigma/engine/modifiers";
import { compileRegex } from "@/lib/sigma/engine/regex";
import type { Transformation, UserPipeline } from "@/lib/sigma/user-pipeline/parse";

export type Applied = { rule: DetectionRule; state: Record<string, string | number> };

function ruleMatches(t: Transformation, rule: DetectionRule): boolean {
  const conds = t.rule_conditions ?? [];
  if (conds.length === 0) return true;
  const one = (c: (typeof conds)[number]) =>
    (["category", "product", "service"] as const).every(
      (k) => c[k] === undefined || c[k] === rule.logsource[k],
    );
  return t.rule_cond_op === "or" ? conds.some(one) : conds.every(one);
}

function itemMatches(t: Transformation, item: DetectionItem): boolean {
  const conds = [...(t.detection_item_conditions ?? []), ...(t.field_name_conditions ?? [])];
  return conds.every((c) => {
    const inList = item.field !== null && c.fields.includes(item.field);
    return c.type === "include_fields" ? inList : !inList;
  });
}

/** Maps every item of every detection; an item may become a group (one field to several). */
function mapItems(
  rule: DetectionRule,
  fn: (item: DetectionItem) => DetectionItem | DetectionGroup | null,
): DetectionRule {
  const walk = (g: DetectionGroup): DetectionGroup => ({
    ...g,
    items: g.items.flatMap((x) => {
      const out = x.type === "group" ? walk(x) : fn(x);
      return out ? [out] : [];
    }),
  });
  return { ...rule, detections: new Map([...rule.detections].map(([k, g]) => [k, walk(g)])) };
}

function pythonReplacement(text: string): string {
  return text.replace(/\$/g, "$$$$").replace(/\\(\d)/g, "$$$1");
}

function applyOne(t: Transformation, rule: DetectionRule, state: Applied["state"]): DetectionRule {
  if (!ruleMatches(t, rule)) return rule;
  switch (t.type) {
    case "field_name_mapping":
      return mapItems(rule, (item) => {
        const to = item.field !== null && itemMatches(t, item) ? t.mapping[item.field] : undefined;
        if (to === undefined) return item;
        if (typeof to === "string") return { ...item, field: to };
        // One field to several: any of them (pySigma's semantics).
        return { type: "group", link: "or", loc: item.loc, items: to.map((f) => ({ ...item, field: f })) };
      });
    case "field_name_prefix_mapping":
      return mapItems(rule, (item) => {
        if (item.field === null || !itemMatches(t, item)) return item;
        const prefix = Object.keys(t.mapping).find((p) => item.field!.startsWith(p));
        return prefix === undefined
          ? item
          : { ...item, field: t.mapping[prefix] + item.field.slice(prefix.length) };
      });
    case "add_condition": {
      const loc = { line: 0, column: 0 };
      const items: DetectionItem[] = Object.entries(t.conditions).map(([field, v]) => ({
        type: "item",
        field,
        modifiers: [],
        link: "or",
        loc,
        values: [
          typeof v === "number"
            ? { kind: "number", value: v }
            : typeof v === "boolean"
              ? { kind: "boolean", value: v }
              : { kind: "string", parts: parseWildcards(v), cased: false },
        ],
      }));
      let name = "_pipeline_condition";
      while (rule.detections.has(name)) name += "_";
      const detections = new Map(rule.detections).set(name, { type: "group", link: "and", loc, items });
      const id: ConditionNode = { type: "id", name };
      return {
        ...rule,
        detections,
        conditions: rule.conditions.map((c) => ({ type: "and", args: [id, c] })),
      };
    }
    case "change_logsource":
      return {
        ...rule,
        logsource: {
          ...rule.logsource,
          ...(t.category !== undefined && { category: t.category }),
          ...(t.product !== undefined && { product: t.product }),
          ...(t.service !== undefined && { service: t.service }),
        },
      };
    case "drop_detection_item":
      return mapItems(rule, (item) => (itemMatches(t, item) ? null : item));
    case "replace_string": {
      const { re } = compileRegex(t.regex, { i: false, m: false, s: false });
      const replacement = pythonReplacement(t.replacement);
      const replace = (v: SigmaValue): SigmaValue =>
        v.kind === "string"
          ? {
              ...v,
              parts: v.parts.map((p) => (typeof p === "string" ? re.matcher(p).replaceAll(replacement) : p)),
            }
          : v;
      return mapItems(rule, (item) =>
        itemMatches(t, item) ? { ...item, values: item.values.map(replace) } : item,
      );
    }
    case "set_state":
      state[t.key] = t.val;
      return rule;
    case "rule_failure":
      throw new BackendError("pipeline", t.message);
    case "detection_item_failure": {
      let failed = false;
      mapItems(rule, (item) => {
        if (itemMatches(t, item)) failed = true;
        return item;
      });
      if (failed) throw new BackendError("pipeline", t.message);
      return rule;
    }
  }
}

export function applyUserPipeline(pipeline: UserPipeline, rule: DetectionRule): Applied {
  const state: Applied["state"] = {};
  let out = rule;
  for (const t of pipeline.transformations) out = applyOne(t, out, state);
  return { rule: out, state };
}
