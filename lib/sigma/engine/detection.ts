// Builds the detection section: search identifiers into AND/OR groups of items, modifiers
// applied, the condition parsed and every identifier it names checked.
import type { Document } from "yaml";
import { ConditionError, parseCondition, resolveOf } from "@/lib/sigma/engine/condition";
import type { ConditionNode, Diagnostic, DetectionGroup, DetectionItem } from "@/lib/sigma/engine/model";
import { applyModifiers, checkModifiers, ModifierError } from "@/lib/sigma/engine/modifiers";
import type { Locator } from "@/lib/sigma/engine/source";

type Ctx = { doc: Document.Parsed; locator: Locator; diagnostics: Diagnostic[] };
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
  const rawValues = Array.isArray(raw) ? raw : [raw];
  if (rawValues.length === 0) {
    report(
      ctx,
      path,
      `${key} has an empty list of values`,
      "Give at least one value, or null to test for an empty field.",
    );
    return null;
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
  const item = (values: DetectionItem["values"], link: "or" | "and"): DetectionItem => ({
    type: "item",
    field: field || null,
    modifiers,
    link,
    values,
    loc,
  });
  if (!modifiers.includes("all")) return item(perValue.flat(), "or");
  if (perValue.every((v) => v.length === 1)) return item(perValue.flat(), "and");
  return { type: "group", link: "and", items: perValue.map((v) => item(v, "or")), loc };
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

function checkNames(ctx: Ctx, node: ConditionNode, names: string[], path: Path, text: string, shift = 0) {
  // A word's column inside the condition; 0 (the scalar's start) when the text is folded or multi-line.
  const offsetOf = (word: string) => (text ? Math.max(0, text.indexOf(word)) + shift : 0);
  if (node.type === "id" && !names.includes(node.name))
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
  if (node.type === "not") checkNames(ctx, node.arg, names, path, text, shift);
  if (node.type === "and" || node.type === "or")
    node.args.forEach((a) => checkNames(ctx, a, names, path, text, shift));
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
      conditions.push(tree);
      conditionText.push(c);
      checkNames(ctx, tree, names, path, exact ? c : "", shift);
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
