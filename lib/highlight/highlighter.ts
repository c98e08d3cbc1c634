// The one Shiki configuration. Runs on the server at build time; no highlighting code reaches the browser.
import { createHighlighter, type Highlighter } from "shiki";
import { eqlGrammar } from "@/lib/highlight/grammars/eql";
import { esqlGrammar } from "@/lib/highlight/grammars/esql";
import { yaraLGrammar } from "@/lib/highlight/grammars/yara-l";
import { logscaleGrammar } from "@/lib/highlight/grammars/logscale";
import { shikiLanguage } from "@/lib/highlight/languages";
import { paletteOf, paletteTransformer } from "@/lib/highlight/palette";

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

/** The transformer every highlighted block goes through: token colours as palette classes. */
export function themePalette(h: Highlighter) {
  return paletteTransformer(paletteOf(h.getTheme(THEMES.light)), paletteOf(h.getTheme(THEMES.dark)));
}

/** HTML for a code block: token colours as palette classes (app/highlight-palette.css). */
export async function highlightToHtml(code: string, language: string | undefined): Promise<string> {
  const h = await getHighlighter();
  return h.codeToHtml(code.replace(/\n$/, ""), {
    lang: shikiLanguage(language),
    themes: THEMES,
    defaultColor: "light",
    transformers: [themePalette(h)],
  });
}

let queryHighlighter: Promise<Highlighter> | undefined;

/**
 * The Sigma converter highlights at request time, in the running server: a highlighter with only
 * the four query grammars it needs loads in a fraction of the full one's time, so the first
 * conversion does not stall other requests while every grammar compiles.
 */
export async function highlightQueryToHtml(
  code: string,
  language: "splunk" | "kusto" | "esql" | "eql" | "text",
) {
  queryHighlighter ??= createHighlighter({
    themes: [THEMES.light, THEMES.dark],
    langs: ["kusto", "splunk", eqlGrammar, esqlGrammar],
  });
  const h = await queryHighlighter;
  return h.codeToHtml(code, {
    lang: language,
    themes: THEMES,
    defaultColor: "light",
    transformers: [themePalette(h)],
  });
}
