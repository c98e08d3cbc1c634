// What a condition costs once `1 of` / `all of` are expanded: every reference to a search
// identifier repeats its values in the query and in the evaluator's condition tree. Counted
// before anything is converted, so the limits (MAX_EXPANDED_MATCHES, MAX_EXPANDED_CHARS) hold.
import { resolveOf } from "@/lib/sigma/engine/condition";
import type { ConditionNode, DetectionGroup, DetectionItem } from "@/lib/sigma/engine/model";

type Size = { values: number; chars: number };

/** The number of values in a group and the characters a query spends on them (field names too). */
function groupSize(group: DetectionGroup): Size {
  const size = { values: 0, chars: 0 };
  for (const x of group.items) {
    if (x.type === "group") {
      const inner = groupSize(x);
      size.values += inner.values;
      size.chars += inner.chars;
      continue;
    }
    const item: DetectionItem = x;
    size.values += item.values.length;
    for (const v of item.values)
      size.chars +=
        (item.field?.length ?? 0) +
        8 +
        (v.kind === "string"
          ? v.parts.reduce((n, p) => n + (typeof p === "string" ? p.length : 1), 0)
          : v.kind === "regex"
            ? v.pattern.length
            : 16);
  }
  return size;
}

/** A function giving a condition's expanded size for one rule's identifiers (sizes computed once). */
export function expansionSizer(detections: Map<string, DetectionGroup>): (tree: ConditionNode) => Size {
  const names = [...detections.keys()];
  const sizes = new Map(names.map((name) => [name, groupSize(detections.get(name)!)]));
  const of = (name: string): Size => {
    const s = sizes.get(name);
    return { values: Math.max(1, s?.values ?? 1), chars: s?.chars ?? 0 };
  };
  const sum = (list: Size[]): Size =>
    list.reduce((a, b) => ({ values: a.values + b.values, chars: a.chars + b.chars }), {
      values: 0,
      chars: 0,
    });
  const walk = (node: ConditionNode): Size => {
    switch (node.type) {
      case "id":
        return of(node.name);
      case "of":
        return sum(resolveOf(node.pattern, names).map(of));
      case "not":
        return walk(node.arg);
      case "and":
      case "or":
        return sum(node.args.map(walk));
    }
  };
  return walk;
}
