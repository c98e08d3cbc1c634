// Renders content Markdown/MDX bodies to React on the server, with Shiki for fenced code.
// Content bodies are our own files in git, so evaluating them is safe; they get no components
// beyond plain Markdown, which keeps them portable.
import "server-only";
import { evaluate } from "@mdx-js/mdx";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import remarkGfm from "remark-gfm";
import * as runtime from "react/jsx-runtime";
import { getHighlighter, themePalette, THEMES } from "@/lib/highlight/highlighter";

export async function renderMarkdown(source: string, file: string): Promise<React.ReactElement> {
  const highlighter = await getHighlighter();
  try {
    const { default: Content } = await evaluate(source, {
      ...runtime,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [
        [
          rehypeShikiFromHighlighter,
          highlighter,
          {
            themes: THEMES,
            defaultColor: "light",
            fallbackLanguage: "text",
            transformers: [themePalette(highlighter)],
          },
        ],
      ],
    });
    return <Content />;
  } catch (error) {
    throw new Error(`${file}: MDX body could not be rendered: ${(error as Error).message}`, { cause: error });
  }
}
