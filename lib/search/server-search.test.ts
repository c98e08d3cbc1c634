import type MiniSearch from "minisearch";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

describe("server search index", () => {
  it("is built once per process: warmed at start-up, then used by the route's own copy of the module", async () => {
    const first = await import("@/lib/search/server-search");
    first.warmSearchIndex();
    const warmed = (globalThis as Record<symbol, MiniSearch | undefined>)[
      Symbol.for("detection-atlas.search-index")
    ];
    expect(warmed).toBeDefined();
    const search = vi.spyOn(warmed!, "search");
    // A second copy of the module, as the instrumentation bundle and the route bundle hold.
    vi.resetModules();
    const second = await import("@/lib/search/server-search");
    expect(second).not.toBe(first);
    expect(second.searchCatalog({ q: "lsass", filters: {} }).length).toBeGreaterThan(0);
    expect(search).toHaveBeenCalled();
  });
});
