import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { loadSearchIndex } from "@/lib/search/load-index";
import { runSearch, type SearchHit } from "@/lib/search/run-search";
import { buildSearchIndex } from "@/lib/search/search-index";
import { GET } from "./route";

const get = (query: string) => GET(new Request(`http://localhost/search/results?${query}`));
const hitsOf = async (response: Response) => ((await response.json()) as { hits: SearchHit[] }).hits;

describe("GET /search/results", () => {
  it("ranks and filters exactly like the browser index it replaces", async () => {
    const index = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(loadContent(contentDir())))));
    for (const [q, filters] of [
      ["lsass", {}],
      ["rundll32", { platform: "splunk" }],
      ["4688", { tactic: "execution" }],
    ] as const) {
      const params = new URLSearchParams({ q, ...filters });
      const response = await get(params.toString());
      expect(response.status).toBe(200);
      expect(await hitsOf(response)).toEqual(runSearch(index, q, filters));
    }
  });

  it("may be cached by shared caches, and answers an empty query with no hits", async () => {
    const response = await get("q=");
    expect(response.headers.get("cache-control")).toContain("public");
    expect(await hitsOf(response)).toEqual([]);
  });

  it("returns only the public fields of a hit", async () => {
    const [hit] = await hitsOf(await get("q=lsass"));
    expect(Object.keys(hit!).sort()).toEqual(
      [
        "fields",
        "id",
        "kind",
        "platform",
        "platformId",
        "severity",
        "techniqueId",
        "techniqueName",
        "terms",
        "title",
        "url",
      ].sort(),
    );
  });

  it.each([
    ["q=" + "a".repeat(201), "q is longer"],
    ["q=x&platform=Not%20An%20Id", "platform must be"],
    ["q=x&tactic=%3Cscript%3E", "tactic must be"],
  ])("refuses %s with a 400", async (query, message) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });
});
