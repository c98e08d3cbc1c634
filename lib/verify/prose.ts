// No paragraph of prose may appear on two pages: copy-pasted summaries, explanations, false
// positives and advice read as filler and drift apart when one copy is fixed. Code, headings,
// tables and short lines are ignored.
import type { ContentIssue } from "@/lib/content/errors";
import { arrayOf, type RawTechnique } from "@/lib/verify/corpus";

/** Shorter passages (labels, one-line notes) may legitimately repeat. */
export const MIN_PARAGRAPH_CHARS = 60;

type Passage = { file: string; field: string; text: string };

/** Paragraphs and list items of a Markdown body, without code blocks, headings or tables. */
export function paragraphs(markdown: string): string[] {
  const withoutCode = markdown.replace(/^\s*```[\s\S]*?^\s*```\s*$/gm, "\n");
  const out: string[] = [];
  for (const block of withoutCode.split(/\n\s*\n/)) {
    let current: string[] = [];
    const flush = () => {
      if (current.length > 0) out.push(current.join(" "));
      current = [];
    };
    for (const line of block.split("\n")) {
      if (/^\s*(#{1,6}\s|\||<|import |export )/.test(line)) {
        flush();
        continue;
      }
      if (/^\s*([-*+]|\d+\.)\s+/.test(line)) flush();
      if (line.trim()) current.push(line.trim());
    }
    flush();
  }
  return out;
}

/** What makes two passages "the same": case, Markdown marks, spacing and list bullets ignored. */
export function normalise(text: string): string {
  return text
    .replace(/^\s*([-*+]|\d+\.)\s+/, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[.;:,]+$/, "");
}

function passagesOf(t: RawTechnique): Passage[] {
  const out: Passage[] = [];
  const body = (file: string, markdown: string) => {
    for (const p of paragraphs(markdown)) out.push({ file, field: "(body)", text: p });
  };
  const list = (file: string, items: unknown[], field: string, key?: string) =>
    items.forEach((item, i) => {
      const value = key ? (item as Record<string, unknown> | null)?.[key] : item;
      if (typeof value === "string")
        out.push({ file, field: `${field}[${i}]${key ? `.${key}` : ""}`, text: value });
    });
  if (t.technique) {
    body(t.technique.file, t.technique.body);
    list(t.technique.file, arrayOf(t.technique.data, "sigma_filters"), "sigma_filters", "advice");
  }
  for (const d of t.detections) {
    body(d.file, d.body);
    list(d.file, arrayOf(d.data, "false_positives"), "false_positives");
    list(d.file, arrayOf(d.data, "tuning"), "tuning", "advice");
  }
  for (const p of t.pro) body(p.file, p.body);
  return out;
}

export function checkDuplicateProse(techniques: RawTechnique[]): ContentIssue[] {
  const seen = new Map<string, Passage[]>();
  for (const passage of techniques.flatMap(passagesOf)) {
    const key = normalise(passage.text);
    if (key.length < MIN_PARAGRAPH_CHARS) continue;
    seen.set(key, [...(seen.get(key) ?? []), passage]);
  }
  const issues: ContentIssue[] = [];
  for (const [key, passages] of seen) {
    const files = new Set(passages.map((p) => p.file));
    if (files.size < 2) continue;
    for (const p of passages) {
      const others = passages.filter((o) => o.file !== p.file).map((o) => `${o.file} (${o.field})`);
      if (others.length === 0) continue;
      const excerpt = key.length > 70 ? `${key.slice(0, 70)}…` : key;
      issues.push({
        file: p.file,
        field: p.field,
        reason: `"${excerpt}" also appears in ${[...new Set(others)].join(", ")}`,
      });
    }
  }
  return issues;
}
