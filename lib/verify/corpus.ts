// A tolerant read of content/ for the quality checks: unlike loadContent it never throws, so a
// half-written technique still gets every other check, and parse problems become issues.
import fs from "node:fs";
import path from "node:path";
import { parse, parseDocument } from "yaml";
import type { ContentIssue } from "@/lib/content/errors";

export type Frontmatter = Record<string, unknown>;
export type MdxFile = { file: string; data: Frontmatter; body: string; bodyLine: number };
export type RawTechnique = {
  id: string;
  technique: MdxFile | null;
  detections: MdxFile[];
  pro: MdxFile[];
  /** Parsed samples.yml, or null when missing or unparsable. */
  samples: unknown;
  sigmaSource: string | null;
};
export type RawCorpus = { techniques: RawTechnique[]; platforms: string[]; issues: ContentIssue[] };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function list(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

function readMdx(root: string, file: string, issues: ContentIssue[]): MdxFile | null {
  const abs = path.join(root, file);
  if (!fs.existsSync(abs)) return null;
  const source = fs.readFileSync(abs, "utf8");
  const match = FRONTMATTER.exec(source);
  if (!match) {
    issues.push({ file, field: "(frontmatter)", reason: "no YAML frontmatter between --- lines" });
    return null;
  }
  const doc = parseDocument(match[1] ?? "");
  if (doc.errors.length > 0) {
    issues.push({
      file,
      field: "(frontmatter)",
      reason: `invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}`,
    });
    return null;
  }
  const data = doc.toJS() as unknown;
  return {
    file,
    data: data && typeof data === "object" ? (data as Frontmatter) : {},
    body: source.slice(match[0].length),
    bodyLine: match[0].split("\n").length,
  };
}

function readYaml(root: string, file: string, issues: ContentIssue[]): unknown {
  const abs = path.join(root, file);
  if (!fs.existsSync(abs)) return null;
  try {
    return parse(fs.readFileSync(abs, "utf8")) as unknown;
  } catch (error) {
    issues.push({
      file,
      field: "(file)",
      reason: `invalid YAML: ${(error as Error).message.split("\n")[0]}`,
    });
    return null;
  }
}

export function readCorpus(contentDir: string, only: string[] = []): RawCorpus {
  const issues: ContentIssue[] = [];
  const registry = readYaml(contentDir, "registry/platforms.yml", issues);
  const platforms = Array.isArray(registry) ? registry.map((p: { id?: unknown }) => String(p.id)) : [];
  const techniques: RawTechnique[] = [];
  for (const id of list(path.join(contentDir, "techniques"))) {
    if (only.length > 0 && !only.includes(id)) continue;
    const dir = path.posix.join("techniques", id);
    const mdx = (sub: string) =>
      list(path.join(contentDir, dir, sub))
        .filter((n) => n.endsWith(".mdx"))
        .map((n) => readMdx(contentDir, path.posix.join(dir, sub, n), issues))
        .filter((f): f is MdxFile => f !== null);
    const sigmaPath = path.join(contentDir, dir, "sigma.yml");
    techniques.push({
      id,
      technique: readMdx(contentDir, path.posix.join(dir, "technique.mdx"), issues),
      detections: mdx("detections"),
      pro: mdx("pro"),
      samples: readYaml(contentDir, path.posix.join(dir, "samples.yml"), issues),
      sigmaSource: fs.existsSync(sigmaPath) ? fs.readFileSync(sigmaPath, "utf8") : null,
    });
  }
  return { techniques, platforms, issues };
}

/** Frontmatter arrays, tolerating missing or mistyped fields (the loader reports those). */
export function arrayOf(data: Frontmatter | undefined, key: string): unknown[] {
  const value = data?.[key];
  return Array.isArray(value) ? value : [];
}
