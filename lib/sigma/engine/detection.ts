// Builds the detection section: search identifiers into AND/OR groups of items, modifiers
// applied, the condition parsed and every identifier it names checked. Sizes that would make
// conversion or evaluation expensive (lib/sigma/engine/limits.ts) are reported where they occur.
import type { Document } from "yaml";
import { ConditionError, parseCondition, resolveOf } from "@/lib/sigma/engine/condition";
import { expansionSizer } from "@/lib/sigma/engine/expansion";
import {
  MAX_EXPANDED_CHARS,
  MAX_EXPANDED_MATCHES,
  MAX_IDENTIFIERS,
  MAX_RULE_REGEX_PROGRAM,
  MAX_VALUES_PER_FIELD,
} from "@/lib/sigma/engine/limits";
import type { ConditionNode, Diagnostic, DetectionGroup, DetectionItem } from "@/lib/sigma/engine/model";
import { applyModifiers, checkModifiers, ModifierError, TIME_PARTS } from "@/lib/sigma/engine/modifiers";
import { estimateProgramSize } from "@/lib/sigma/engine/regex";
import type { Locator } from "@/lib/sigma/engine/source";

/** `spent` counts, over the whole file (all its documents), regex program size and expanded size. */
export type BuildContext = {
  doc: Document.Parsed;
  locator: Locator;
  diagnostics: Diagnostic[];
  spent: { regex: number; matches: number; chars: number };
};
type Ctx = BuildContext;
type Path = Array<string | number>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function report(
  ctx: Ctx,
  path: Path,
  message: string,
  hint: string,
  opts: { key?: boolean; severity?: "error" | "warning"; offset?: number } = {},
) {
  const at = ctx.locator.locate(ctx.doc, path, opts.key);
  ctx.diagnostics.push({
    severity: opts.severity ?? "error",
    message,
    hint,
    line: at.line,
    column: at.column + (opts.offset ?? 0),
    path: path.join("."),
  });
}

function buildField(ctx: Ctx, path: Path, key: string, raw: unknown): DetectionItem | DetectionGroup | null {
  const [field, ...modifiers] = key.split("|");
  const loc = ctx.locator.locate(ctx.doc, path, true);
  try {
    checkModifiers(modifiers);
  } catch (error) {
    if (!(error instanceof ModifierError)) throw error;
    report(ctx, path, `${key}: ${error.message}`, error.hint, { key: true });
    return null;
  }
  const part = modifiers.find((m) => Object.hasOwn(TIME_PARTS, m));
  if (part && !field) {
    report(ctx, path, `${key}: the time modifier ${part} needs a field`, "Write e.g. Timestamp|hour: 3.", {
      key: true,
    });
    return null;
  }
  const rawValues = Array.isArray(raw) ? raw : [raw];
  // sigma-appendix-modifiers.md, "Generic Modifiers": "Single item values are not allowed to have
  // an all modifier as some back-ends cannot support it."
  if (modifiers.includes("all") && rawValues.length === 1) {
    report(
      ctx,
      path,
      `${key}: all with a single value is not allowed by the Sigma specification`,
      "Remove all, or give several values; to test one field twice, use a second selection.",
      { key: true },
    );
    return null;
  }
  if (rawValues.length === 0) {
    report(
      ctx,
      path,
      `${key} has an empty list of values`,
      "Give at least one value, or null to test for an empty field.",
    );
    return null;
  }
  if (rawValues.length > MAX_VALUES_PER_FIELD) {
    report(
      ctx,
      path,
      `${key} has ${rawValues.length} values, over the ${MAX_VALUES_PER_FIELD} limit`,
      "Split the list over several search identifiers or rules.",
    );
    return null;
  }
  if (modifiers.includes("re")) {
    ctx.spent.regex += rawValues.reduce<number>((sum, v) => sum + estimateProgramSize(String(v)), 0);
    if (ctx.spent.regex > MAX_RULE_REGEX_PROGRAM) {
      report(
        ctx,
        path,
        `${key}: the regular expressions of this file expand to more than ${MAX_RULE_REGEX_PROGRAM} instructions in total`,
        "Use fewer or simpler regular expressions, or contains/startswith/endswith values.",
      );
      return null;
    }
  }
  const perValue: DetectionItem["values"][] = [];
  rawValues.forEach((value, i) => {
    try {
      perValue.push(applyModifiers(value, modifiers));
    } catch (error) {
      if (!(error instanceof ModifierError)) throw error;
      report(ctx, Array.isArray(raw) ? [...path, i] : path, `${key}: ${error.message}`, error.hint);
    }
  });
  if (perValue.length !== rawValues.length) return null;
  const expanded = perValue.reduce((n, v) => n + v.length, 0);
  if (expanded > MAX_VALUES_PER_FIELD) {
    report(
      ctx,
      path,
      `${key}: the modifiers expand the values to ${expanded}, over the ${MAX_VALUES_PER_FIELD} limit`,
      "Use fewer values with windash or base64offset, or split them over several identifiers.",
    );
    return null;
  }
  const item = (values: DetectionItem["values"], link: "or" | "and"): DetectionItem => ({
    type: "item",
    field: field || null,
    modifiers,
    link,
    values,
    loc,
  });
  const built: DetectionItem | DetectionGroup = !modifiers.includes("all")
    ? item(perValue.flat(), "or")
    : perValue.every((v) => v.length === 1)
      ? item(perValue.flat(), "and")
      : { type: "group", link: "and", items: perValue.map((v) => item(v, "or")), loc };
  // neq (pySigma's SigmaNegateModifier) negates the whole item: the field differs from every value.
  return modifiers.includes("neq")
    ? { type: "group", link: "and", negated: true, items: [built], loc }
    : built;
}

function buildMap(ctx: Ctx, path: Path, map: Record<string, unknown>): DetectionGroup | null {
  const items: DetectionGroup["items"] = [];
  let ok = true;
  for (const [key, value] of Object.entries(map)) {
    if (isRecord(value)) {
      report(
        ctx,
        [...path, key],
        `${key} holds a map, but a field takes a value or a list of values`,
        "Use a dotted field name (a.b: value) for nested fields.",
      );
      ok = false;
      continue;
    }
    const built = buildField(ctx, [...path, key], key, value);
    if (built) items.push(built);
    else ok = false;
  }
  if (items.length === 0 && ok) report(ctx, path, "an empty map matches nothing", "Add at least one field.");
  return ok && items.length
    ? { type: "group", link: "and", items, loc: ctx.locator.locate(ctx.doc, path) }
    : null;
}

function buildIdentifier(ctx: Ctx, path: Path, body: unknown): DetectionGroup | null {
  const loc = ctx.locator.locate(ctx.doc, path);
  if (isRecord(body)) return buildMap(ctx, path, body);
  if (typeof body === "string" || typeof body === "number") body = [body];
  if (!Array.isArray(body) || body.length === 0) {
    report(
      ctx,
      path,
      `search identifier "${path.at(-1)}" must be a map of fields or a list`,
      "Write field: value pairs, or a list of keywords.",
      { key: true },
    );
    return null;
  }
  if (body.every((b) => !isRecord(b) && !Array.isArray(b))) {
    const item = buildField(ctx, path, "", body);
    return item ? { type: "group", link: "or", items: [item], loc } : null;
  }
  if (body.every(isRecord)) {
    const groups = body.map((m, i) => buildMap(ctx, [...path, i], m));
    return groups.every(Boolean)
      ? { type: "group", link: "or", items: groups as DetectionGroup[], loc }
      : null;
  }
  report(
    ctx,
    path,
    `search identifier "${path.at(-1)}" mixes maps and plain values`,
    "Use either a list of maps or a list of keywords.",
    { key: true },
  );
  return null;
}

function checkNames(
  ctx: Ctx,
  node: ConditionNode,
  names: string[],
  known: Set<string>,
  path: Path,
  text: string,
  shift = 0,
) {
  // A word's column inside the condition; 0 (the scalar's start) when the text is folded or multi-line.
  const offsetOf = (word: string) => (text ? Math.max(0, text.indexOf(word)) + shift : 0);
  if (node.type === "id" && !known.has(node.name))
    report(
      ctx,
      path,
      `the condition names "${node.name}", which is not a search identifier`,
      `Define "${node.name}" under detection, or use one of: ${names.join(", ")}.`,
      { offset: offsetOf(node.name) },
    );
  if (node.type === "of" && resolveOf(node.pattern, names).length === 0)
    report(
      ctx,
      path,
      `"${node.quantifier} of ${node.pattern}" matches no search identifier`,
      `Name identifiers to match ${node.pattern}, or fix the pattern.`,
      { offset: offsetOf(node.pattern) },
    );
  if (node.type === "not") checkNames(ctx, node.arg, names, known, path, text, shift);
  if (node.type === "and" || node.type === "or")
    node.args.forEach((a) => checkNames(ctx, a, names, known, path, text, shift));
}

export function buildDetection(ctx: Ctx, detection: unknown) {
  const detections = new Map<string, DetectionGroup>();
  const conditions: ConditionNode[] = [];
  const conditionText: string[] = [];
  if (!isRecord(detection)) {
    report(
      ctx,
      ["detection"],
      "detection must be a map of search identifiers and a condition",
      "Add detection: with selection: ... and condition: selection.",
      { key: true },
    );
    return { detections, conditions, conditionText, timeframe: undefined };
  }
  const identifiers = Object.keys(detection).filter((n) => n !== "condition" && n !== "timeframe").length;
  if (identifiers > MAX_IDENTIFIERS) {
    report(
      ctx,
      ["detection"],
      `detection has ${identifiers} search identifiers, over the ${MAX_IDENTIFIERS} limit`,
      "Merge selections into lists of values, or split the rule.",
      { key: true },
    );
    return { detections, conditions, conditionText, timeframe: undefined };
  }
  for (const [name, body] of Object.entries(detection)) {
    if (name === "condition" || name === "timeframe") continue;
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
      report(
        ctx,
        ["detection", name],
        `"${name}" is not a valid search identifier name`,
        "Use letters, digits, _ - and . only.",
        { key: true },
      );
      continue;
    }
    const group = buildIdentifier(ctx, ["detection", name], body);
    if (group) detections.set(name, group);
  }
  const names = Object.keys(detection).filter((n) => n !== "condition" && n !== "timeframe");
  if (names.length === 0)
    report(
      ctx,
      ["detection"],
      "detection has no search identifier",
      "Add e.g. selection: { Image|endswith: '\\\\x.exe' }.",
      { key: true },
    );
  const raw = detection.condition;
  if (raw === undefined)
    report(
      ctx,
      ["detection"],
      "detection has no condition",
      "Add condition: selection (or the expression combining your identifiers).",
      { key: true },
    );
  const expansion = expansionSizer(detections);
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  list.forEach((c, i) => {
    const path: Path = Array.isArray(raw) ? ["detection", "condition", i] : ["detection", "condition"];
    if (typeof c !== "string") {
      report(ctx, path, "the condition must be a string", "Write e.g. condition: selection and not filter.");
      return;
    }
    const node = ctx.doc.getIn(path, true) as { type?: string } | undefined;
    // Offsets are only meaningful for plain and quoted single-line scalars.
    const exact =
      !c.includes("\n") &&
      (node?.type === "PLAIN" || node?.type === "QUOTE_SINGLE" || node?.type === "QUOTE_DOUBLE");
    const shift = node?.type === "PLAIN" ? 0 : 1;
    try {
      const tree = parseCondition(c);
      checkNames(ctx, tree, names, new Set(names), path, exact ? c : "", shift);
      const size = expansion(tree);
      ctx.spent.matches += size.values;
      ctx.spent.chars += size.chars;
      const over =
        ctx.spent.matches > MAX_EXPANDED_MATCHES
          ? `${ctx.spent.matches} value matches, over the ${MAX_EXPANDED_MATCHES} limit`
          : ctx.spent.chars > MAX_EXPANDED_CHARS
            ? `about ${ctx.spent.chars} characters of query, over the ${MAX_EXPANDED_CHARS} limit`
            : null;
      if (over) {
        report(
          ctx,
          path,
          `condition: the conditions expand to ${over}`,
          "Refer to each selection once; 1 of / all of over many large selections multiply them.",
        );
        return;
      }
      conditions.push(tree);
      conditionText.push(c);
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      report(ctx, path, `condition: ${error.message}`, error.hint, {
        offset: exact ? error.offset + shift : 0,
      });
    }
  });
  const timeframe = typeof detection.timeframe === "string" ? detection.timeframe : undefined;
  return { detections, conditions, conditionText, timeframe };
}
