// Finds every query in the content tree without the full loader, so a half-written technique
// (which makes loadContent throw) still gets its queries checked. Each query carries the file,
// field and the file line its text starts on, so problems can point at an exact line.
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { LANGUAGES, type QueryLanguage } from "@/lib/content/schema";

export type QueryItem = {
  /** Relative to the content directory. */
  file: string;
  /** `query`, `tuning[1].exclusion`, or `code block 3 (line 40)` for Markdown. */
  field: string;
  language: QueryLanguage;
  text: string;
  /** 1-based file line of the first line of `text`. */
  line: number;
  /** Columns the text is indented by in the file (a YAML block scalar's indentation). */
  indent: number;
  /** For tuning exclusions: the detection query the exclusion is appended to. */
  base?: string;
};

const LANGUAGE_SET = new Set<string>(LANGUAGES);
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") line++;
  return line;
}

/**
 * File line where a YAML scalar's text begins (block scalars start on the line after `|`) and
 * the indentation of that line, so problems point at the file's own line and column.
 */
function scalarPosition(
  yamlSource: string,
  node: unknown,
  frontmatterStart: number,
): { line: number; indent: number } {
  if (!isScalar(node) || !node.range) return { line: frontmatterStart, indent: 0 };
  const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
  const yamlLine = lineAt(yamlSource, node.range[0]) + (block ? 1 : 0);
  const text = yamlSource.split("\n")[yamlLine - 1] ?? "";
  return { line: frontmatterStart + yamlLine - 1, indent: block ? text.length - text.trimStart().length : 0 };
}

export function detectionQueries(contentDir: string, file: string): QueryItem[] {
  const source = fs.readFileSync(path.join(contentDir, file), "utf8");
  const match = FRONTMATTER.exec(source);
  if (!match) return [];
  const yamlSource = match[1] ?? "";
  const doc = parseDocument(yamlSource);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const language = doc.get("language");
  if (typeof language !== "string" || !LANGUAGE_SET.has(language)) return [];
  const lang = language as QueryLanguage;
  const items: QueryItem[] = [];
  // The frontmatter's first line is file line 2 (line 1 is `---`).
  const query = doc.get("query", true);
  const queryText = isScalar(query) && typeof query.value === "string" ? query.value : undefined;
  if (queryText !== undefined)
    items.push({
      file,
      field: "query",
      language: lang,
      text: queryText,
      ...scalarPosition(yamlSource, query, 2),
    });
  const tuning = doc.get("tuning", true);
  if (isSeq(tuning)) {
    tuning.items.forEach((entry, i) => {
      if (!isMap(entry)) return;
      const exclusion = entry.get("exclusion", true);
      if (!isScalar(exclusion) || typeof exclusion.value !== "string") return;
      items.push({
        file,
        field: `tuning[${i}].exclusion`,
        language: lang,
        text: exclusion.value,
        ...scalarPosition(yamlSource, exclusion, 2),
        base: queryText,
      });
    });
  }
  return items;
}

const FENCE = /^```([\w-]+)[^\n]*\n([\s\S]*?)^```\s*$/gm;

/** Fenced code blocks in a query language, e.g. in pro/hunting-queries.mdx. */
export function markdownQueries(contentDir: string, file: string): QueryItem[] {
  const source = fs.readFileSync(path.join(contentDir, file), "utf8");
  const items: QueryItem[] = [];
  let n = 0;
  for (const m of source.matchAll(FENCE)) {
    const tag = (m[1] ?? "").toLowerCase();
    n++;
    if (!LANGUAGE_SET.has(tag)) continue;
    const line = lineAt(source, m.index) + 1;
    items.push({
      file,
      field: `code block ${n} (${tag})`,
      language: tag as QueryLanguage,
      text: m[2] ?? "",
      line,
      indent: 0,
    });
  }
  return items;
}

function list(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Every query of the given techniques (all when `only` is empty). */
export function collectQueries(contentDir: string, only: string[] = []): QueryItem[] {
  const items: QueryItem[] = [];
  for (const technique of list(path.join(contentDir, "techniques"))) {
    if (only.length > 0 && !only.includes(technique)) continue;
    const base = path.posix.join("techniques", technique);
    for (const name of list(path.join(contentDir, base, "detections")))
      if (name.endsWith(".mdx"))
        items.push(...detectionQueries(contentDir, path.posix.join(base, "detections", name)));
    for (const name of list(path.join(contentDir, base, "pro")))
      if (name.endsWith(".mdx"))
        items.push(...markdownQueries(contentDir, path.posix.join(base, "pro", name)));
  }
  return items;
}
