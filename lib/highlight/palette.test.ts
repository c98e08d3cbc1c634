import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { getHighlighter, highlightToHtml, THEMES } from "@/lib/highlight/highlighter";
import { paletteOf, paletteTransformer } from "@/lib/highlight/palette";
import { expectedPaletteCss, PALETTE_CSS } from "@/scripts/highlight-css";

const SAMPLES: Array<[string, string]> = [
  ["kql", 'DeviceProcessEvents\n| where FileName =~ "rundll32.exe" // comment\n| project Timestamp'],
  ["spl", "index=wineventlog EventCode=4688 | stats count by host | where count > 5"],
  ["eql", 'process where process.name : "rundll32.exe" and process.args : "*javascript:*"'],
  ["esql", 'FROM logs-* | WHERE TO_LOWER(process.name) == "rundll32.exe" | KEEP @timestamp'],
  ["yara-l", 'rule r {\n  events:\n    $e.metadata.event_type = "PROCESS_LAUNCH"\n  condition:\n    $e\n}'],
  ["logscale", "#event_simpleName=ProcessRollup2 | ImageFileName=/rundll32\\.exe$/i"],
  ["json", '{ "a": 1, "b": [true, null, "x"] }'],
];

describe("palette classes on highlighted code", () => {
  it.each(SAMPLES)(
    "%s: every token colour is a class; only the block keeps an inline style",
    async (lang, code) => {
      const html = await highlightToHtml(code, lang);
      expect(html.match(/style="/g)).toHaveLength(1); // the <pre>'s background and default colours
      expect(html).toMatch(/class="l\d+ d\d+"/);
    },
  );

  it("keeps a colour the palette does not hold inline, so it still shows", async () => {
    const h = await getHighlighter();
    const light = paletteOf(h.getTheme(THEMES.light));
    const dark = paletteOf(h.getTheme(THEMES.dark));
    const node = {
      type: "element" as const,
      tagName: "span",
      properties: { style: "color:#123456;--shiki-dark:#654321" },
      children: [],
    };
    const classes: string[] = [];
    paletteTransformer(light, dark).span!.call(
      { addClassToHast: (_: unknown, c: string[]) => classes.push(...c) } as never,
      node,
      0,
      0,
      node,
      { content: "" } as never,
    );
    expect(node.properties.style).toBe("color:#123456;--shiki-dark:#654321");
    expect(classes).toEqual([]);
  });

  it("app/highlight-palette.css matches the installed themes (npm run highlight:css)", async () => {
    expect(fs.readFileSync(PALETTE_CSS, "utf8")).toBe(await expectedPaletteCss());
  });
});
