import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { searchDocuments } from "@/lib/search/documents";
import { loadSearchIndex } from "@/lib/search/load-index";
import { buildSearchIndex } from "@/lib/search/search-index";
import { runSearch } from "@/lib/search/run-search";

const catalog = loadContent(contentDir());
// Through JSON, as the browser gets it.
const payload = JSON.parse(JSON.stringify(buildSearchIndex(catalog)));
const index = loadSearchIndex(payload);
const urls = (query: string, filters = {}) => runSearch(index, query, filters).map((h) => h.url);

describe("search over the corpus", () => {
  it.each([
    ["lsass", "/techniques/T1003.001"],
    ["T1003", "/techniques/T1003.001"],
    ["rundll32", "/techniques/T1218.011"],
    ["SigninLogs", "/techniques/T1110.003/sentinel"],
  ])("%s finds %s near the top", (query, url) => {
    expect(urls(query).slice(0, 8)).toContain(url);
  });

  it("4688 finds the detections that read Windows Security 4688", () => {
    const expected = catalog.techniques.flatMap((t) =>
      t.detections
        .filter((d) => d.data_sources.includes("windows-security-4688"))
        .map((d) => `/techniques/${t.id}/${d.platform}`),
    );
    expect(expected.length).toBeGreaterThan(0);
    const found = new Set(runSearch(index, "4688", {}, 1000).map((h) => h.url));
    for (const url of expected) expect(found.has(url), url).toBe(true);
  });

  it("filters by platform, tactic, severity and data source", () => {
    const sentinel = runSearch(index, "powershell", { platform: "sentinel" });
    expect(sentinel.length).toBeGreaterThan(0);
    expect(sentinel.every((h) => h.platformId === "sentinel")).toBe(true);
    const lateral = runSearch(index, "remote", { tactic: "lateral-movement" }, 1000);
    expect(lateral.length).toBeGreaterThan(0);
    for (const hit of lateral) {
      const t = catalog.techniques.find((x) => x.id === hit.techniqueId)!;
      expect(t.tactics).toContain("lateral-movement");
    }
    const high = runSearch(index, "T1003", { severity: "high" });
    expect(high.every((h) => h.severity === "high")).toBe(true);
    const sysmon = runSearch(index, "lsass", { dataSource: "sysmon-10" }, 1000);
    expect(sysmon.every((h) => h.techniqueId.length > 0)).toBe(true);
    expect(runSearch(index, "lsass", { platform: "no-such-platform" })).toEqual([]);
  });

  it("reports which terms matched so the page can highlight them", () => {
    const [hit] = runSearch(index, "lsass");
    expect(hit!.terms.some((t) => t.startsWith("lsass"))).toBe(true);
    expect(hit!.fields.length).toBeGreaterThan(0);
  });
});

describe("search never holds Pro text", () => {
  // The index stores tokens, not text: "CANARY-PRO-X-7f3a9c" becomes "canary", "pro", …, "7f3a9c".
  const CANARY_TOKEN = "7f3a9c";
  const fixtures = loadContent(path.resolve("tests/fixtures/content"));

  it("the fixture corpus's Pro canaries are not in its index", () => {
    expect(JSON.stringify(buildSearchIndex(fixtures)).toLowerCase()).not.toContain(CANARY_TOKEN);
  });

  it("the check would see a canary that reached an indexed field (it can fail)", () => {
    const documents = searchDocuments(fixtures);
    documents[0]!.query += " CANARY-PRO-TEST_COMMANDS-7f3a9c";
    expect(JSON.stringify(buildSearchIndex(fixtures, documents)).toLowerCase()).toContain(CANARY_TOKEN);
  });
});
