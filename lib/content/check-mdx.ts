// Compiles every MDX body (public and Pro) so a syntax error fails content:check with its file and line.
import fs from "node:fs";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import type { ContentIssue } from "@/lib/content/errors";
import type { Catalog } from "@/lib/content/model";

export async function checkMdxBodies(root: string, catalog: Catalog): Promise<ContentIssue[]> {
  const files: string[] = [];
  for (const t of catalog.techniques) {
    files.push(`techniques/${t.id}/technique.mdx`, ...t.detections.map((d) => d.file));
    files.push(...t.proSections.map((s) => `techniques/${t.id}/pro/${s}.mdx`));
  }
  const issues: ContentIssue[] = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    try {
      await compile(source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, ""), { remarkPlugins: [remarkGfm] });
    } catch (error) {
      const e = error as { line?: number; column?: number; reason?: string; message: string };
      const where = e.line ? ` (body line ${e.line}, column ${e.column ?? 0})` : "";
      issues.push({
        file,
        field: "(body)",
        reason: `MDX does not compile${where}: ${e.reason ?? e.message}`,
      });
    }
  }
  return issues;
}
