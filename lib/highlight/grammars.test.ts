import { describe, expect, it } from "vitest";
import type { BundledLanguage } from "shiki";
import { getHighlighter } from "@/lib/highlight/highlighter";

type Scoped = { text: string; scopes: string[] };

async function scopesOf(
  code: string,
  lang: BundledLanguage | "eql" | "esql" | "yara-l" | "logscale",
): Promise<Scoped[]> {
  const h = await getHighlighter();
  const lines = h.codeToTokens(code, {
    lang: lang as BundledLanguage,
    theme: "github-light-default",
    includeExplanation: true,
  }).tokens;
  return lines.flat().flatMap((t) =>
    (t.explanation ?? []).map((e) => ({
      text: e.content.trim(),
      scopes: e.scopes.map((s) => s.scopeName),
    })),
  );
}

/** The token's scopes joined, innermost last, e.g. "source.eql variable.other.field.eql ...". */
function scopeFor(tokens: Scoped[], text: string): string {
  const token = tokens.find((t) => t.text === text);
  if (!token) throw new Error(`no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes.slice(1).join(" ");
}

const cases: Array<{
  lang: "eql" | "esql" | "yara-l" | "logscale";
  code: string;
  keyword: string;
  string: string;
  field: string;
  comment: string;
}> = [
  {
    lang: "eql",
    code: 'process where process.name == "rundll32.exe" and not process.args : "*.cpl" // note',
    keyword: "and",
    string: "rundll32.exe",
    field: "process.name",
    comment: "// note",
  },
  {
    lang: "esql",
    code: 'FROM logs-* | WHERE user.name == "svc" | STATS n = COUNT(*) BY source.ip // hosts',
    keyword: "WHERE",
    string: "svc",
    field: "user.name",
    comment: "// hosts",
  },
  {
    lang: "yara-l",
    code: 'rule x {\n events:\n  $e.metadata.event_type = "PROCESS_LAUNCH" // launch\n condition:\n  $e\n}',
    keyword: "events",
    string: "PROCESS_LAUNCH",
    field: ".metadata.event_type",
    comment: "// launch",
  },
  {
    lang: "logscale",
    code: '#event_simpleName=ProcessRollup2 ImageFileName=/\\\\rundll32\\.exe$/i | CommandLine="*,#*" // falcon',
    keyword: "#event_simpleName",
    string: "*,#*",
    field: "CommandLine",
    comment: "// falcon",
  },
];

describe("custom TextMate grammars", () => {
  for (const c of cases) {
    it(`${c.lang}: keywords, strings, fields and comments get distinct scopes`, async () => {
      const tokens = await scopesOf(c.code, c.lang);
      const keyword = scopeFor(tokens, c.keyword);
      const str = scopeFor(tokens, c.string);
      const field = scopeFor(tokens, c.field);
      const comment = scopeFor(tokens, c.comment);
      if (c.lang === "logscale") expect(keyword).toMatch(/\bvariable\.other\.field\.tag/);
      else expect(keyword).toMatch(/\bkeyword\./);
      expect(str).toMatch(/\bstring\./);
      expect(field).toMatch(/\bvariable\.other\.field/);
      expect(comment).toMatch(/\bcomment\./);
      expect(new Set([keyword, str, field, comment]).size).toBe(4);
    });
  }

  it("highlights LogScale regex literals and functions", async () => {
    const tokens = await scopesOf("groupBy([aid], function=count()) | Cmd=/vssadmin/i", "logscale");
    expect(scopeFor(tokens, "groupBy")).toMatch(/\bsupport\.function/);
    expect(scopeFor(tokens, "/vssadmin/i")).toMatch(/\bstring\.regexp/);
  });

  it("keeps Kusto (kql) and Elastic EQL apart", async () => {
    const kusto = await scopesOf('SigninLogs | where ResultType == "0"', "kusto");
    expect(kusto.length).toBeGreaterThan(0);
    const h = await getHighlighter();
    expect(h.getLoadedLanguages()).toEqual(
      expect.arrayContaining(["kusto", "eql", "esql", "yara-l", "logscale"]),
    );
  });
});
