// Sigma rules and filters: the Sigma engine's own parser (the one that evaluates and converts the
// rule, so its errors carry line and column), the official Sigma JSON schema, our own schema,
// UUID v4 ids, and every sigma_filters entry being a filter_<name> selection that still yields a
// valid rule when added.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import type { ContentIssue } from "@/lib/content/errors";
import { arrayOf, type RawTechnique } from "@/lib/verify/corpus";
import { sigmaRuleSchema } from "@/lib/sigma/schema";
import { formatPath } from "@/lib/content/errors";
import { parseSigma } from "@/lib/sigma/engine/parse";

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function sigmaSchemaDir(): string {
  return process.env.SIGMA_SCHEMA_DIR ?? path.resolve("../shared/sigma");
}

export function officialSigmaValidator(dir = sigmaSchemaDir()): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(dir, "sigma-detection-rule-schema.json"), "utf8")));
}

function schemaIssues(
  rule: unknown,
  file: string,
  field: string,
  official: ValidateFunction,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (!official(rule))
    for (const e of official.errors ?? [])
      issues.push({
        file,
        field: `${field}${e.instancePath || ""}`,
        reason: `official Sigma schema: ${e.message ?? "invalid"}`,
      });
  const own = sigmaRuleSchema.safeParse(rule);
  if (!own.success)
    for (const e of own.error.issues)
      issues.push({ file, field: `${field}${field ? "." : ""}${formatPath(e.path)}`, reason: e.message });
  return issues;
}

/** What the engine's parser refuses (YAML syntax, modifiers, conditions), at its line and column. */
export function engineIssues(source: string, file: string): ContentIssue[] {
  return parseSigma(source)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => ({
      file,
      field: `${d.path || "(file)"} line ${d.line}:${d.column}`,
      reason: `Sigma engine: ${d.message}. ${d.hint}`,
    }));
}

export function checkSigma(t: RawTechnique, official: ValidateFunction): ContentIssue[] {
  const file = `techniques/${t.id}/sigma.yml`;
  if (t.sigmaSource === null)
    return [{ file, field: "(file)", reason: "every technique needs a Sigma rule" }];
  const located = engineIssues(t.sigmaSource, file);
  let rule: Record<string, unknown>;
  try {
    rule = parse(t.sigmaSource) as Record<string, unknown>;
  } catch (error) {
    return located.length > 0
      ? located
      : [{ file, field: "(file)", reason: `invalid YAML: ${(error as Error).message.split("\n")[0]}` }];
  }
  const issues = [...located, ...schemaIssues(rule, file, "", official)];
  if (typeof rule.id === "string" && !UUID_V4.test(rule.id))
    issues.push({ file, field: "id", reason: "must be a random (v4) UUID" });
  for (const d of t.detections) {
    const id = d.data.id;
    if (typeof id === "string" && !UUID_V4.test(id))
      issues.push({ file: d.file, field: "id", reason: "must be a random (v4) UUID" });
  }

  const techniqueFile = `techniques/${t.id}/technique.mdx`;
  const detection = rule.detection as Record<string, unknown> | undefined;
  arrayOf(t.technique?.data, "sigma_filters").forEach((entry, i) => {
    const field = `sigma_filters[${i}].filter`;
    const source = (entry as { filter?: unknown }).filter;
    if (typeof source !== "string") return;
    let selection: unknown;
    try {
      selection = parse(source);
    } catch (error) {
      issues.push({
        file: techniqueFile,
        field,
        reason: `invalid YAML: ${(error as Error).message.split("\n")[0]}`,
      });
      return;
    }
    const keys =
      selection && typeof selection === "object" && !Array.isArray(selection) ? Object.keys(selection) : [];
    if (keys.length !== 1 || !/^filter_[a-z0-9_]+$/.test(keys[0]!)) {
      issues.push({
        file: techniqueFile,
        field,
        reason: "must be one selection named filter_<name> (lower case)",
      });
      return;
    }
    const name = keys[0]!;
    if (detection && name in detection)
      issues.push({ file: techniqueFile, field, reason: `${name} already exists in the rule` });
    if (!detection) return;
    const condition = Array.isArray(detection.condition) ? detection.condition[0] : detection.condition;
    const tuned = {
      ...rule,
      detection: {
        ...detection,
        ...(selection as object),
        condition: `(${String(condition)}) and not ${name}`,
      },
    };
    for (const issue of schemaIssues(tuned, techniqueFile, field, official))
      issues.push({ ...issue, reason: `the rule with this filter added fails: ${issue.reason}` });
  });
  return issues;
}

/** Sigma rule and detection ids are unique across the whole corpus. */
export function checkUniqueIds(techniques: RawTechnique[]): ContentIssue[] {
  const owners = new Map<string, string[]>();
  const note = (id: unknown, file: string) => {
    if (typeof id === "string") owners.set(id.toLowerCase(), [...(owners.get(id.toLowerCase()) ?? []), file]);
  };
  for (const t of techniques) {
    if (t.sigmaSource) {
      try {
        note((parse(t.sigmaSource) as { id?: unknown })?.id, `techniques/${t.id}/sigma.yml`);
      } catch {
        // reported by checkSigma
      }
    }
    for (const d of t.detections) note(d.data.id, d.file);
  }
  const issues: ContentIssue[] = [];
  for (const [id, files] of owners)
    if (files.length > 1)
      for (const file of files)
        issues.push({
          file,
          field: "id",
          reason: `${id} is also used by ${files.filter((f) => f !== file).join(", ")}`,
        });
  return issues;
}
