import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueFromContent } from "@/lib/attack/catalogue";
import { readAttackBundle, AttackBundleError } from "@/lib/attack/stix";
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";
import { buildMatrix, placements } from "@/lib/coverage/matrix";
import { coverageLayer, gapsLayer } from "@/lib/coverage/navigator-layer";
import { navigatorLayerSchema } from "@/lib/coverage/navigator-layer-schema";

const bundleFile = process.env.ATTACK_BUNDLE ?? path.resolve("../shared/attack/enterprise-attack-18.1.json");
const bundle = JSON.parse(fs.readFileSync(bundleFile, "utf8")) as { objects: Array<Record<string, unknown>> };
const attack = readAttackBundle(bundle, "18.1");
const content = loadContent(contentDir());

// Independent of lib/attack/stix.ts: what the bundle itself says should be in the matrix.
const expectedPlacements = bundle.objects
  .filter((o) => o.type === "attack-pattern" && !o.revoked && !o.x_mitre_deprecated)
  .flatMap((o) => {
    const id = (o.external_references as Array<{ source_name: string; external_id: string }>).find(
      (r) => r.source_name === "mitre-attack",
    )!.external_id;
    return (o.kill_chain_phases as Array<{ kill_chain_name: string; phase_name: string }>)
      .filter((k) => k.kill_chain_name === "mitre-attack")
      .map((k) => `${k.phase_name} ${id}`);
  })
  .sort();

describe("ATT&CK catalogue from the v18.1 bundle", () => {
  it("keeps the 14 Enterprise tactics in matrix order", () => {
    expect(attack.tactics.map((t) => t.shortName)).toEqual([
      "reconnaissance",
      "resource-development",
      "initial-access",
      "execution",
      "persistence",
      "privilege-escalation",
      "defense-evasion",
      "credential-access",
      "discovery",
      "lateral-movement",
      "collection",
      "command-and-control",
      "exfiltration",
      "impact",
    ]);
  });

  it("records names, parents, platforms, data components and detection strategies", () => {
    const lsass = attack.techniques.find((t) => t.id === "T1003.001")!;
    expect(lsass).toMatchObject({ name: "LSASS Memory", parentId: "T1003", tactics: ["credential-access"] });
    expect(lsass.platforms).toContain("Windows");
    expect(lsass.dataComponents).toContain("Process Access");
    expect(lsass.detectionStrategies[0]!.id).toMatch(/^DET\d{4}$/);
    expect(attack.techniques.some((t) => t.revoked || t.deprecated)).toBe(true);
  });

  it("names the object and field of a malformed bundle", () => {
    const broken = { type: "bundle", objects: [{ type: "x-mitre-matrix", id: "x-mitre-matrix--1" }] };
    expect(() => readAttackBundle(broken, "18.1")).toThrow(AttackBundleError);
    expect(() => readAttackBundle(broken, "18.1")).toThrow(/matrix x-mitre-matrix--1: tactic_refs/);
  });
});

describe("coverage matrix", () => {
  const matrix = buildMatrix(attack, content);

  it("holds every current Enterprise technique exactly once per tactic it belongs to", () => {
    const actual = placements(matrix)
      .map((p) => `${p.tactic} ${p.id}`)
      .sort();
    expect(new Set(actual).size).toBe(actual.length);
    expect(actual).toEqual(expectedPlacements);
  });

  it("counts the platforms with a detection, and only the filtered one when filtered", () => {
    const entry = (m: typeof matrix, id: string) =>
      m.columns.flatMap((c) => c.entries.flatMap((e) => [e, ...e.subtechniques])).find((e) => e.id === id)!;
    for (const t of content.techniques) {
      expect(entry(matrix, t.id).platforms.sort(), t.id).toEqual(t.detections.map((d) => d.platform).sort());
    }
    const sentinel = buildMatrix(attack, content, "sentinel");
    const lsass = content.techniques.find((t) => t.id === "T1003.001")!;
    expect(entry(sentinel, "T1003.001").platforms).toEqual(
      lsass.detections.some((d) => d.platform === "sentinel") ? ["sentinel"] : [],
    );
  });

  it("falls back to what the content says when no catalogue has been synced", () => {
    const fallback = buildMatrix(catalogueFromContent(content), content);
    expect(fallback.source).toBe("content");
    expect(placements(fallback).length).toBe(content.techniques.reduce((n, t) => n + t.tactics.length, 0));
  });
});

describe("ATT&CK Navigator layers", () => {
  it("are valid layer format 4.5 files with scores equal to the platforms covered", () => {
    const layer = coverageLayer(attack, content);
    expect(navigatorLayerSchema.safeParse(layer).error?.issues ?? []).toEqual([]);
    expect(layer.versions).toMatchObject({ attack: "18", layer: "4.5" });
    for (const t of content.techniques) {
      const entry = layer.techniques.find((x) => x.techniqueID === t.id)!;
      expect(entry.score, t.id).toBe(t.detections.length);
      expect(entry.comment).toContain(
        content.platforms.find((p) => p.id === t.detections[0]!.platform)!.name,
      );
    }
    expect(layer.gradient.maxValue).toBe(content.platforms.length);
  });

  it("score 1 per technique for one platform, and list the gaps of that platform", () => {
    const layer = coverageLayer(attack, content, "splunk");
    expect(navigatorLayerSchema.safeParse(layer).success).toBe(true);
    expect(new Set(layer.techniques.map((t) => t.score))).toEqual(new Set([1]));
    const gaps = gapsLayer(attack, content, "splunk");
    expect(navigatorLayerSchema.safeParse(gaps).error?.issues ?? []).toEqual([]);
    const withSplunk = content.techniques.filter((t) => t.detections.some((d) => d.platform === "splunk"));
    const gapIds = new Set(gaps.techniques.map((t) => t.techniqueID));
    for (const t of withSplunk) expect(gapIds.has(t.id), t.id).toBe(false);
    const current = attack.techniques.filter((t) => !t.revoked && !t.deprecated).length;
    expect(gaps.techniques.length).toBe(current - withSplunk.length);
  });

  it("the schema rejects what the Navigator would reject", () => {
    const layer = coverageLayer(attack, content);
    expect(
      navigatorLayerSchema.safeParse({ ...layer, versions: { ...layer.versions, layer: "4.4" } }).success,
    ).toBe(false);
    expect(
      navigatorLayerSchema.safeParse({ ...layer, techniques: [{ techniqueID: "T12", score: 1 }] }).success,
    ).toBe(false);
    expect(
      navigatorLayerSchema.safeParse({
        ...layer,
        gradient: { colors: ["#ffffff"], minValue: 0, maxValue: 1 },
      }).success,
    ).toBe(false);
  });
});
