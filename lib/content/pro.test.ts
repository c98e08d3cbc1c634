import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const render = vi.hoisted(() => vi.fn(async (markdown: string) => `<p>${markdown.length}</p>`));
vi.mock("@/lib/mdx/render-html", () => ({ renderMarkdownToHtml: render }));

const { readProSections } = await import("@/lib/content/pro");
const { mintProAccess } = await import("@/lib/access/pro-access");
const proof = mintProAccess("user-1");

afterEach(() => {
  vi.unstubAllEnvs();
  render.mockClear();
});

describe("readProSections", () => {
  it("renders a technique's sections once per production process, then answers from memory", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const first = await readProSections(proof, "T1003.001");
    expect(first.length).toBeGreaterThan(0);
    expect(render).toHaveBeenCalledTimes(first.length);
    expect(await readProSections(proof, "T1003.001")).toEqual(first);
    expect(render).toHaveBeenCalledTimes(first.length);
  });

  it("renders every time in development, so content edits show without a restart", async () => {
    vi.stubEnv("NODE_ENV", "development");
    const sections = await readProSections(proof, "T1059.001");
    await readProSections(proof, "T1059.001");
    expect(render).toHaveBeenCalledTimes(2 * sections.length);
  });

  it("still refuses a forged proof, cached or not", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(readProSections({ userId: "" } as never, "T1003.001")).rejects.toThrow(/ProAccess proof/);
  });
});
