// The one Shiki configuration. Runs on the server at build time; no highlighting code reaches the browser.
import { createHighlighter, type Highlighter } from "shiki";
import { eqlGrammar } from "@/lib/highlight/grammars/eql";
import { esqlGrammar } from "@/lib/highlight/grammars/esql";
import { yaraLGrammar } from "@/lib/highlight/grammars/yara-l";
import { logscaleGrammar } from "@/lib/highlight/grammars/logscale";
import { shikiLanguage } from "@/lib/highlight/languages";

// The "-default" GitHub themes keep comments above 4.5:1 contrast in both modes (axe-checked in e2e).
export const THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;

let highlighter: Promise<Highlighter> | undefined;

export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: [THEMES.light, THEMES.dark],
    langs: [
      "kusto",
      "splunk",
      "yaml",
      "json",
      "powershell",
      "shellscript",
      "bat",
      eqlGrammar,
      esqlGrammar,
      yaraLGrammar,
      logscaleGrammar,
    ],
  });
  return highlighter;
}

/** HTML for a code block, with both themes inlined as CSS variables (see globals.css). */
export async function highlightToHtml(code: string, language: string | undefined): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code.replace(/\n$/, ""), {
    lang: shikiLanguage(language),
    themes: THEMES,
    defaultColor: "light",
  });
}
