// `|expand` placeholders (%name%) resolved from a user's values file before conversion: each
// placeholder becomes its values, any of which matches (Sigma's placeholder semantics). Without a
// value list the backends refuse the placeholder by name.
import { BackendError } from "@/lib/sigma/backends/errors";
import { MAX_VALUES_PER_FIELD } from "@/lib/sigma/engine/limits";
import type { DetectionGroup, DetectionRule, SigmaValue } from "@/lib/sigma/engine/model";
import { parseWildcards } from "@/lib/sigma/engine/modifiers";

export type Placeholders = Record<string, string[]>;

export function resolvePlaceholders(
  rule: DetectionRule,
  values: Placeholders,
  target: string,
): DetectionRule {
  const walk = (g: DetectionGroup): DetectionGroup => ({
    ...g,
    items: g.items.map((x) => {
      if (x.type === "group") return walk(x);
      if (!x.values.some((v) => v.kind === "expand")) return x;
      if (x.link === "and")
        throw new BackendError(
          target,
          `|expand with |all: a placeholder's values are alternatives, not all required`,
        );
      const out: SigmaValue[] = x.values.flatMap((v): SigmaValue[] => {
        if (v.kind !== "expand") return [v];
        const list = values[v.placeholder];
        if (!list) return [v];
        return list.map((text) => ({ kind: "string", parts: parseWildcards(text), cased: false }));
      });
      if (out.length > MAX_VALUES_PER_FIELD)
        throw new BackendError(
          target,
          `placeholders expand to ${out.length} values, over the ${MAX_VALUES_PER_FIELD} limit`,
        );
      return { ...x, values: out };
    }),
  });
  return { ...rule, detections: new Map([...rule.detections].map(([k, g]) => [k, walk(g)])) };
}
