import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";
import { etagFor, resolveSigmaDownload, sigmaFileName } from "@/lib/sigma-service/download";

const catalog = loadContent(path.resolve("tests/fixtures/content"));
const find = (id: string) => catalog.techniques.find((t) => t.id === id);

describe("resolveSigmaDownload", () => {
  it("serves the committed file with a clean name and a strong ETag", () => {
    const result = resolveSigmaDownload("T1059.001.yml", null, find);
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    expect(result.body).toBe(find("T1059.001")!.sigma.source);
    expect(result.fileName).toBe("T1059.001-powershell.yml");
    expect(result.etag).toBe(etagFor(result.body));
  });

  it("answers If-None-Match with 304, including weak and listed tags", () => {
    const etag = etagFor(find("T1059.001")!.sigma.source);
    expect(resolveSigmaDownload("T1059.001.yml", etag, find).status).toBe(304);
    expect(resolveSigmaDownload("T1059.001.yml", `"other", W/${etag}`, find).status).toBe(304);
    expect(resolveSigmaDownload("T1059.001.yml", '"other"', find).status).toBe(200);
  });

  it("accepts other spellings of the id", () => {
    expect(resolveSigmaDownload("t1059_001.yml", null, find).status).toBe(200);
  });

  it.each([
    "T9999.yml",
    "../sigma.yml",
    "..%2Fsigma.yml",
    "T1059.001",
    "T1059.001.yaml",
    `${"A".repeat(5000)}.yml`,
    "T1059.001.yml/..",
    "",
  ])("404s %s", (param) => {
    expect(resolveSigmaDownload(param, null, find).status).toBe(404);
  });

  it("slugs names into file names", () => {
    expect(sigmaFileName({ id: "T1547.001", name: "Registry Run Keys / Startup Folder" })).toBe(
      "T1547.001-registry-run-keys-startup-folder.yml",
    );
  });
});
