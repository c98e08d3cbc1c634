// The README's generated Sigma support tables must match what the code converts today.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderReadme, supportSection } from "@/lib/sigma-service/support-matrix";

describe("README Sigma support tables", () => {
  it("are current (run npm run sigma:readme after changing a backend)", async () => {
    const readme = fs.readFileSync("README.md", "utf8");
    expect(await renderReadme(readme)).toBe(readme);
  });
  it("shows refusals with their reason", () => {
    expect(supportSection()).toMatch(/\| no: Lucene is a search syntax without aggregation/);
  });
});
