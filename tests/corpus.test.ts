// Checks on the shipped corpus in content/ against independent sources: MITRE ATT&CK v18.1
// and the official Sigma JSON schema (both read in place from ../shared, or from the env paths).
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load";

const ATTACK_BUNDLE =
  process.env.ATTACK_BUNDLE ?? path.resolve("../shared/attack/enterprise-attack-18.1.json");
const SIGMA_SCHEMA_DIR = process.env.SIGMA_SCHEMA_DIR ?? path.resolve("../shared/sigma");

type StixObject = {
  type: string;
  name: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  external_references?: Array<{ source_name: string; external_id?: string }>;
  kill_chain_phases?: Array<{ phase_name: string }>;
};

const catalog = loadContent(path.resolve("content"));
const bundle = JSON.parse(fs.readFileSync(ATTACK_BUNDLE, "utf8")) as { objects: StixObject[] };
const attackId = (o: StixObject) =>
  o.external_references?.find((r) => r.source_name === "mitre-attack")?.external_id;
const techniques = new Map(
  bundle.objects.filter((o) => o.type === "attack-pattern").map((o) => [attackId(o), o] as const),
);
const dataComponents = new Set(
  bundle.objects
    .filter((o) => o.type === "x-mitre-data-component" && !o.revoked && !o.x_mitre_deprecated)
    .map((o) => o.name),
);

describe("corpus against ATT&CK v18.1", () => {
  it("has the starter breadth: 8+ techniques over 5+ tactics, 4+ platforms each", () => {
    expect(catalog.techniques.length).toBeGreaterThanOrEqual(8);
    expect(new Set(catalog.techniques.flatMap((t) => t.tactics)).size).toBeGreaterThanOrEqual(5);
    for (const t of catalog.techniques) expect(t.detections.length, t.id).toBeGreaterThanOrEqual(4);
  });

  for (const t of catalog.techniques) {
    it(`${t.id} exists, is current, and its name and tactics match`, () => {
      const stix = techniques.get(t.id);
      expect(stix, `${t.id} is not in ATT&CK`).toBeDefined();
      expect(stix!.revoked ?? false).toBe(false);
      expect(stix!.x_mitre_deprecated ?? false).toBe(false);
      expect(t.name).toBe(stix!.name);
      expect([...t.tactics].sort()).toEqual(stix!.kill_chain_phases!.map((k) => k.phase_name).sort());
      if (t.parent) expect(t.parent_name).toBe(techniques.get(t.parent)?.name);
      for (const related of t.related) expect(techniques.has(related), `related ${related}`).toBe(true);
    });
  }

  it("maps every data source to a real ATT&CK data component", () => {
    for (const source of catalog.dataSources.values())
      expect(
        dataComponents.has(source.attack_data_component),
        `${source.id}: ${source.attack_data_component}`,
      ).toBe(true);
  });
});

describe("Sigma rules against the official schema", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(path.join(SIGMA_SCHEMA_DIR, "sigma-detection-rule-schema.json"), "utf8")),
  );
  for (const t of catalog.techniques) {
    it(`${t.sigma.file} passes sigma-detection-rule-schema.json`, () => {
      const ok = validate(parse(t.sigma.source));
      expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
    });
  }

  it("uses unique UUIDs for every rule and detection", () => {
    const ids = catalog.techniques.flatMap((t) => [t.sigma.rule.id, ...t.detections.map((d) => d.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
