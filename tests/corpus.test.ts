// Checks on the shipped corpus in content/ against independent sources: MITRE ATT&CK v18.1
// and the official Sigma JSON schema (both read in place from ../shared, or from the env paths).
// The checks themselves live in lib/verify so `npm run content:quality` reports the same.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TACTICS } from "@/lib/attack/tactics";
import { UNOBSERVABLE_TACTICS } from "@/lib/attack/tactic-observability";
import { loadContent } from "@/lib/content/load";
import { checkAtomic, loadAtomicIndex } from "@/lib/verify/atomic";
import { attackBundlePath, checkAttack, loadAttack } from "@/lib/verify/attack";
import { readCorpus } from "@/lib/verify/corpus";
import { checkSigma, checkUniqueIds, officialSigmaValidator } from "@/lib/verify/sigma";

type StixObject = { type: string; name: string; revoked?: boolean; x_mitre_deprecated?: boolean };

const catalog = loadContent(path.resolve("content"));
const corpus = readCorpus(path.resolve("content"));
const attack = loadAttack();
const bundle = JSON.parse(fs.readFileSync(attackBundlePath(), "utf8")) as { objects: StixObject[] };
const dataComponents = new Set(
  bundle.objects
    .filter((o) => o.type === "x-mitre-data-component" && !o.revoked && !o.x_mitre_deprecated)
    .map((o) => o.name),
);
const lines = (issues: Array<{ file: string; field: string; reason: string }>) =>
  issues.map((i) => `${i.file}: ${i.field}: ${i.reason}`);

describe("corpus against ATT&CK v18.1", () => {
  it("has the corpus breadth: 40+ techniques, 240+ detection pages, every observable tactic", () => {
    expect(catalog.techniques.length).toBeGreaterThanOrEqual(40);
    expect(catalog.techniques.flatMap((t) => t.detections).length).toBeGreaterThanOrEqual(240);
    const tactics = new Set(catalog.techniques.flatMap((t) => t.tactics));
    // Resource Development happens outside defender telemetry; the site says so instead (UNOBSERVABLE_TACTICS).
    const expected = TACTICS.filter((t) => !UNOBSERVABLE_TACTICS[t.shortName]).map((t) => t.shortName);
    expect(expected.filter((t) => !tactics.has(t))).toEqual([]);
  });

  it("covers every platform of every technique with a detection or a stated gap", () => {
    for (const t of catalog.techniques) {
      const covered = [...t.detections.map((d) => d.platform), ...t.platform_gaps.map((g) => g.platform)];
      expect(covered.sort(), t.id).toEqual(catalog.platforms.map((p) => p.id).sort());
    }
  });

  for (const t of corpus.techniques) {
    it(`${t.id} exists and is current; name, parent, tactics, related, Sigma tags and Atomic ids match ATT&CK`, () => {
      expect(lines(checkAttack(t, attack))).toEqual([]);
    });
  }

  const atomics = loadAtomicIndex();
  for (const t of corpus.techniques)
    it(`${t.id}: every Atomic reference names a real test by its index number, GUID and name`, () => {
      expect(lines(checkAtomic(t, atomics))).toEqual([]);
    });

  it("maps every data source to a real ATT&CK data component", () => {
    for (const source of catalog.dataSources.values())
      expect(
        dataComponents.has(source.attack_data_component),
        `${source.id}: ${source.attack_data_component}`,
      ).toBe(true);
  });
});

describe("Sigma rules against the official schema and ours", () => {
  const official = officialSigmaValidator();
  for (const t of corpus.techniques) {
    it(`${t.id}: sigma.yml and every sigma_filters entry pass both schemas, with v4 UUIDs`, () => {
      expect(lines(checkSigma(t, official))).toEqual([]);
    });
  }

  it("uses unique UUIDs for every rule and detection", () => {
    expect(lines(checkUniqueIds(corpus.techniques))).toEqual([]);
  });
});
