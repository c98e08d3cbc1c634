// npm run highlight:css: writes app/highlight-palette.css, the colours of the palette classes that
// lib/highlight/palette.ts puts on highlighted tokens, from the installed Shiki themes.
// `--check` exits 1 when the file is stale (lib/highlight/palette.test.ts runs the same comparison).
import fs from "node:fs";
import path from "node:path";
import { getHighlighter, THEMES } from "@/lib/highlight/highlighter";
import { paletteCss, paletteOf } from "@/lib/highlight/palette";

export const PALETTE_CSS = path.resolve(import.meta.dirname, "../app/highlight-palette.css");

export async function expectedPaletteCss(): Promise<string> {
  const h = await getHighlighter();
  return paletteCss(paletteOf(h.getTheme(THEMES.light)), paletteOf(h.getTheme(THEMES.dark)));
}

if (process.argv[1] === import.meta.filename) {
  const css = await expectedPaletteCss();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(PALETTE_CSS) ? fs.readFileSync(PALETTE_CSS, "utf8") : "";
    if (current !== css) {
      console.error(`${PALETTE_CSS} is stale: run npm run highlight:css`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(PALETTE_CSS, css);
    console.log(`wrote ${path.relative(process.cwd(), PALETTE_CSS)}`);
  }
}
