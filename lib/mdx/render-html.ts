// Markdown to an HTML string on the server (for Pro sections delivered per request), with the
// same Shiki setup as the prerendered pages.
import "server-only";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { getHighlighter, themePalette, THEMES } from "@/lib/highlight/highlighter";

export async function renderMarkdownToHtml(markdown: string): Promise<string> {
  const highlighter = await getHighlighter();
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeShikiFromHighlighter, highlighter, {
      themes: THEMES,
      defaultColor: "light",
      fallbackLanguage: "text",
      transformers: [themePalette(highlighter)],
    })
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
