// Low-level readers for content files: YAML and MDX frontmatter, with errors mapped to ContentIssues.
import fs from "node:fs";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { formatPath, type ContentIssue } from "@/lib/content/errors";

/** Hostile or accidental alias bombs must not hang a build. */
const YAML_OPTIONS = { maxAliasCount: 50, prettyErrors: true } as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false };

export function parseYaml(source: string, file: string, issues: ContentIssue[]): Parsed<unknown> {
  const doc = parseDocument(source, YAML_OPTIONS);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const where = error.linePos?.[0]
        ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})`
        : "";
      issues.push({ file, field: "(file)", reason: `invalid YAML${where}: ${error.message.split("\n")[0]}` });
    }
    return { ok: false };
  }
  try {
    return { ok: true, value: doc.toJS(YAML_OPTIONS) };
  } catch (error) {
    issues.push({ file, field: "(file)", reason: `invalid YAML: ${(error as Error).message}` });
    return { ok: false };
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function splitFrontmatter(
  source: string,
  file: string,
  issues: ContentIssue[],
): Parsed<{ data: unknown; body: string }> {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    issues.push({
      file,
      field: "(frontmatter)",
      reason: "file must start with a YAML frontmatter block between --- lines",
    });
    return { ok: false };
  }
  const data = parseYaml(match[1] ?? "", file, issues);
  if (!data.ok) return { ok: false };
  return { ok: true, value: { data: data.value, body: (match[2] ?? "").trim() } };
}

export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  issues: ContentIssue[],
): Parsed<z.infer<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    issues.push({ file, field: formatPath(issue.path), reason: issue.message });
  }
  return { ok: false };
}

export function readText(absolutePath: string): string {
  return fs.readFileSync(absolutePath, "utf8");
}

export function listDir(absolutePath: string): string[] {
  if (!fs.existsSync(absolutePath)) return [];
  return fs.readdirSync(absolutePath).sort();
}
