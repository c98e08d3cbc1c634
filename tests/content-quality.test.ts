// Content quality gates over the real content/ tree (issue 7): every query parses, every technique
// has its full set of sections, its Sigma rule matches its samples, no prose is copy-pasted
// between pages, and internal links resolve.
// `npm run content:quality` prints the same problems grouped by technique.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkQueries, type QueryReport } from "@/lib/verify/check-queries";
import { readCorpus } from "@/lib/verify/corpus";
import { collectQueries } from "@/lib/verify/extract";
import { kustoGlobals, loadKustoTables } from "@/lib/verify/kusto/tables";
import { checkLinks } from "@/lib/verify/links";
import { checkDuplicateProse } from "@/lib/verify/prose";
import { checkSamples } from "@/lib/verify/samples";
import { checkSections } from "@/lib/verify/sections";
import type { ContentIssue } from "@/lib/content/errors";

const dir = path.resolve("content");
const corpus = readCorpus(dir);
const globals = kustoGlobals(loadKustoTables(dir));
const lines = (issues: ContentIssue[]) => issues.map((i) => `${i.file}: ${i.field}: ${i.reason}`);
const queryLines = (reports: QueryReport[]) =>
  reports.map((r) => `${r.file}:${r.line}:${r.column} ${r.field} [${r.language}]: ${r.message}`);

describe("content quality", () => {
  it("reads every content file", () => {
    expect(corpus.techniques.length).toBeGreaterThan(0);
    expect(lines(corpus.issues)).toEqual([]);
  });

  for (const t of corpus.techniques) {
    describe(t.id, () => {
      it("every query, exclusion and Pro query block parses (KQL against the declared tables)", () => {
        const items = collectQueries(dir, [t.id]);
        expect(items.length).toBeGreaterThan(0);
        expect(queryLines(checkQueries(items, { kustoGlobals: globals }))).toEqual([]);
      });
      it("has a detection or a platform gap per platform, five Pro sections, samples, Sigma filters and test commands", () => {
        expect(lines(checkSections(t, corpus.platforms))).toEqual([]);
      });
      it("its Sigma rule matches every true-positive sample and no benign one", () => {
        expect(lines(checkSamples(t))).toEqual([]);
      });
      it("links only to pages that exist", () => {
        expect(lines(checkLinks(t, corpus))).toEqual([]);
      });
    });
  }

  it("has no paragraph of prose on two pages", () => {
    expect(lines(checkDuplicateProse(corpus.techniques))).toEqual([]);
  });
});
