// Reads Pro section files. Only callable with a ProAccess proof from lib/access, so a
// Pro body cannot be read on a code path that skipped the entitlement check.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { ProAccess } from "@/lib/access/pro-access";
import { getTechnique } from "@/lib/content/catalog";
import { contentDir } from "@/lib/content/location";
import { PRO_SECTIONS, type ProSectionId } from "@/lib/content/schema";
import { renderMarkdownToHtml } from "@/lib/mdx/render-html";

export type ProSectionHtml = { id: ProSectionId; html: string };

export async function readProSections(access: ProAccess, techniqueId: string): Promise<ProSectionHtml[]> {
  if (!access.userId) throw new Error("readProSections needs a ProAccess proof");
  if (process.env.NODE_ENV !== "production") return renderProSections(techniqueId);
  let rendered = renderedSections.get(techniqueId);
  if (!rendered) {
    rendered = renderProSections(techniqueId);
    renderedSections.set(techniqueId, rendered);
    rendered.catch(() => renderedSections.delete(techniqueId));
  }
  return rendered;
}

// Rendering a technique's sections (Markdown, then Shiki on every code block) took most of the
// 1.2 s a Pro answer needed under load; the files only change with a deploy, so a production
// process renders each technique once. Only readProSections, behind its proof, reads this map.
// Development renders every time, so edits show without a restart.
const renderedSections = new Map<string, Promise<ProSectionHtml[]>>();

async function renderProSections(techniqueId: string): Promise<ProSectionHtml[]> {
  const technique = getTechnique(techniqueId);
  if (!technique) return [];
  const sections: ProSectionHtml[] = [];
  for (const id of PRO_SECTIONS.filter((s) => technique.proSections.includes(s))) {
    const file = path.join(contentDir(), "techniques", technique.id, "pro", `${id}.mdx`);
    const body = fs.readFileSync(file, "utf8").replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
    sections.push({ id, html: await renderMarkdownToHtml(body) });
  }
  return sections;
}

export type ProSectionSource = { id: ProSectionId; markdown: string };

/** The Markdown of each Pro section, for the API and the Pro export packs. Same proof required. */
export function readProSectionSources(access: ProAccess, techniqueId: string): ProSectionSource[] {
  if (!access.userId) throw new Error("readProSectionSources needs a ProAccess proof");
  const technique = getTechnique(techniqueId);
  if (!technique) return [];
  return PRO_SECTIONS.filter((s) => technique.proSections.includes(s)).map((id) => {
    const file = path.join(contentDir(), "techniques", technique.id, "pro", `${id}.mdx`);
    const markdown = fs.readFileSync(file, "utf8").replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
    return { id, markdown: markdown.trim() };
  });
}
