// A user's own processing pipeline in pySigma's YAML format, for the common transformations.
// Read with the same defensive reader as rules (size, depth, aliases), bounded in items, and
// every problem reported at its line and column. Other transformation types are refused by name.
import { z } from "zod";
import { MAX_PIPELINE_MAPPINGS, MAX_PIPELINE_TRANSFORMATIONS } from "@/lib/sigma/engine/limits";
import type { Diagnostic } from "@/lib/sigma/engine/model";
import { compileRegex, RegexRefused } from "@/lib/sigma/engine/regex";
import { readSource } from "@/lib/sigma/engine/source";

export const SUPPORTED = [
  "field_name_mapping",
  "field_name_prefix_mapping",
  "add_condition",
  "change_logsource",
  "drop_detection_item",
  "replace_string",
  "set_state",
  "rule_failure",
  "detection_item_failure",
] as const;

const str = z.string().max(4096);
const ruleCondition = z.strictObject({
  type: z.literal("logsource"),
  category: str.optional(),
  product: str.optional(),
  service: str.optional(),
});
const fieldCondition = z.strictObject({
  type: z.enum(["include_fields", "exclude_fields"]),
  fields: z.array(str).max(MAX_PIPELINE_MAPPINGS),
});
const common = {
  id: str.optional(),
  rule_conditions: z.array(ruleCondition).max(32).optional(),
  rule_cond_op: z.enum(["and", "or"]).optional(),
  detection_item_conditions: z.array(fieldCondition).max(32).optional(),
  field_name_conditions: z.array(fieldCondition).max(32).optional(),
};
const transformation = z.discriminatedUnion("type", [
  z.strictObject({
    ...common,
    type: z.literal("field_name_mapping"),
    mapping: z.record(str, z.union([str, z.array(str).min(1).max(16)])),
  }),
  z.strictObject({ ...common, type: z.literal("field_name_prefix_mapping"), mapping: z.record(str, str) }),
  z.strictObject({
    ...common,
    type: z.literal("add_condition"),
    conditions: z.record(str, z.union([str, z.number(), z.boolean()])),
  }),
  z.strictObject({
    ...common,
    type: z.literal("change_logsource"),
    category: str.optional(),
    product: str.optional(),
    service: str.optional(),
  }),
  z.strictObject({ ...common, type: z.literal("drop_detection_item") }),
  z.strictObject({ ...common, type: z.literal("replace_string"), regex: str, replacement: str }),
  z.strictObject({ ...common, type: z.literal("set_state"), key: str, val: z.union([str, z.number()]) }),
  z.strictObject({ ...common, type: z.literal("rule_failure"), message: str }),
  z.strictObject({ ...common, type: z.literal("detection_item_failure"), message: str }),
]);
const pipelineSchema = z.looseObject({
  name: str.optional(),
  priority: z.number().optional(),
  transformations: z.array(z.unknown()).max(MAX_PIPELINE_TRANSFORMATIONS, {
    error: `at most ${MAX_PIPELINE_TRANSFORMATIONS} transformations`,
  }),
});

export type Transformation = z.infer<typeof transformation>;
export type UserPipeline = { name: string; transformations: Transformation[] };

export function parseUserPipeline(text: string): {
  pipeline: UserPipeline | null;
  diagnostics: Diagnostic[];
} {
  const { docs, locator, diagnostics } = readSource(text);
  const at = (
    doc: (typeof docs)[number]["doc"],
    path: Array<string | number>,
    message: string,
    hint: string,
  ) => {
    const { line, column } = locator.locate(doc, path, false);
    diagnostics.push({ severity: "error", message, hint, line, column, path: path.join(".") });
  };
  if (diagnostics.length) return { pipeline: null, diagnostics };
  if (docs.length !== 1) {
    diagnostics.push({
      severity: "error",
      message: "a pipeline file holds one YAML document",
      hint: "Remove the --- separators.",
      line: 1,
      column: 1,
      path: "",
    });
    return { pipeline: null, diagnostics };
  }
  const { doc, value } = docs[0]!;
  const top = pipelineSchema.safeParse(value);
  if (!top.success) {
    at(
      doc,
      top.error.issues[0]!.path as Array<string | number>,
      `pipeline: ${top.error.issues[0]!.message}`,
      "Write name: and transformations: as in pySigma.",
    );
    return { pipeline: null, diagnostics };
  }
  const transformations: Transformation[] = [];
  let mappings = 0;
  top.data.transformations.forEach((raw, i) => {
    const type = (raw as { type?: unknown })?.type;
    if (typeof type === "string" && !(SUPPORTED as readonly string[]).includes(type)) {
      at(
        doc,
        ["transformations", i, "type"],
        `transformation type "${type}" is not supported here`,
        `Supported: ${SUPPORTED.join(", ")}.`,
      );
      return;
    }
    const parsed = transformation.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      at(
        doc,
        ["transformations", i, ...(issue.path as Array<string | number>)],
        `transformation ${i + 1}: ${issue.message}`,
        "See pySigma's processing pipeline documentation for this type.",
      );
      return;
    }
    const t = parsed.data;
    if (t.type === "field_name_mapping" || t.type === "field_name_prefix_mapping")
      mappings += Object.keys(t.mapping).length;
    if (t.type === "replace_string") {
      try {
        compileRegex(t.regex, { i: false, m: false, s: false });
      } catch (error) {
        if (!(error instanceof RegexRefused)) throw error;
        at(doc, ["transformations", i, "regex"], `replace_string regex: ${error.message}`, error.hint);
        return;
      }
    }
    transformations.push(t);
  });
  if (mappings > MAX_PIPELINE_MAPPINGS)
    at(
      doc,
      ["transformations"],
      `the pipeline maps ${mappings} fields, over the ${MAX_PIPELINE_MAPPINGS} limit`,
      "Keep only the fields your rules use.",
    );
  if (diagnostics.length) return { pipeline: null, diagnostics };
  return { pipeline: { name: top.data.name ?? "user pipeline", transformations }, diagnostics };
}
