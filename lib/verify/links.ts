// Every internal link in MDX bodies and frontmatter prose points at a page the site builds:
// /techniques/<id> for a technique with content, /techniques/<id>/<platform> for an existing
// detection, /platforms/<id> for a registered platform, or one of the fixed pages.
import type { ContentIssue } from "@/lib/content/errors";
import type { RawCorpus, RawTechnique } from "@/lib/verify/corpus";

const STATIC_PAGES = new Set([
  "/",
  "/techniques",
  "/platforms",
  "/pricing",
  "/account",
  "/sign-in",
  "/sign-up",
]);
const LINK = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)|href=["']([^"']+)["']/g;

/** Link targets outside code, with the 1-based line they are on. */
export function linksIn(markdown: string): Array<{ target: string; line: number }> {
  const out: Array<{ target: string; line: number }> = [];
  let inCode = false;
  markdown.split("\n").forEach((line, i) => {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      return;
    }
    if (inCode) return;
    const prose = line.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(LINK)) out.push({ target: (m[1] ?? m[2])!, line: i + 1 });
  });
  return out;
}

export function resolves(target: string, corpus: RawCorpus): boolean {
  const pathOnly = target.split(/[?#]/)[0]!.replace(/\/$/, "") || "/";
  if (STATIC_PAGES.has(pathOnly)) return true;
  const parts = pathOnly.split("/").slice(1);
  if (parts[0] === "platforms" && parts.length === 2) return corpus.platforms.includes(parts[1]!);
  if (parts[0] === "sigma" && parts.length === 2)
    return corpus.techniques.some((t) => `${t.id}.yml` === parts[1]);
  if (parts[0] !== "techniques" || parts.length < 2 || parts.length > 3) return false;
  const technique = corpus.techniques.find((t) => t.id === parts[1]);
  if (!technique?.technique) return false;
  return (
    parts.length === 2 || technique.detections.some((d) => d.file.endsWith(`/detections/${parts[2]}.mdx`))
  );
}

export function checkLinks(t: RawTechnique, corpus: RawCorpus): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const files = [t.technique, ...t.detections, ...t.pro].filter((f) => f !== null);
  for (const f of files)
    for (const { target, line } of linksIn(f.body)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const field = `(body) line ${f.bodyLine + line - 1}`;
      if (!target.startsWith("/"))
        issues.push({
          file: f.file,
          field,
          reason: `link "${target}" is relative; use a site path such as /techniques/T1059.001`,
        });
      else if (!resolves(target, corpus))
        issues.push({ file: f.file, field, reason: `link "${target}" does not resolve to a page` });
    }
  return issues;
}
