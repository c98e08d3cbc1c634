import { afterEach, describe, expect, it, vi } from "vitest";

// lib/site.ts reads the environment once at import, so each case imports a fresh copy.
async function loadSite(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import("@/lib/site");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("SITE.url", () => {
  it("is the configured origin without a trailing slash, and absoluteUrl builds on it", async () => {
    const { SITE, absoluteUrl } = await loadSite({ SITE_URL: "https://atlas.example.com/" });
    expect(SITE.url).toBe("https://atlas.example.com");
    expect(absoluteUrl("/pricing")).toBe("https://atlas.example.com/pricing");
  });

  it("refuses a production build without SITE_URL instead of baking localhost into the pages", async () => {
    await expect(loadSite({ SITE_URL: "", NEXT_PHASE: "phase-production-build" })).rejects.toThrow(
      /SITE_URL is not set/,
    );
  });

  it("falls back to the local origin outside a production build (development, tests)", async () => {
    const { SITE } = await loadSite({ SITE_URL: "", NEXT_PHASE: "" });
    expect(SITE.url).toBe("http://localhost:3000");
  });
});
