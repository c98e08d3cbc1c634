// The ATT&CK mapping of each technique against the MITRE ATT&CK v18.1 bundle: the id exists and is
// current, its name, parent and tactics are ATT&CK's, and every other ATT&CK id the technique
// mentions (related, Sigma tags, Atomic references) is current too.
import fs from "node:fs";
import path from "node:path";
import type { ContentIssue } from "@/lib/content/errors";
import { arrayOf, type RawTechnique } from "@/lib/verify/corpus";
import { parse } from "yaml";
import { readAttackBundle } from "@/lib/attack/stix";

export const ATTACK_VERSION = "18.1";

export type AttackIndex = Map<string, { name: string; current: boolean; tactics: string[] }>;

export function attackBundlePath(): string {
  return (
    process.env.ATTACK_BUNDLE ?? path.resolve(`../shared/attack/enterprise-attack-${ATTACK_VERSION}.json`)
  );
}

/** The bundle through the site's own STIX reader (lib/attack/stix.ts), indexed by ATT&CK id. */
export function loadAttack(file = attackBundlePath()): AttackIndex {
  const catalogue = readAttackBundle(JSON.parse(fs.readFileSync(file, "utf8")), ATTACK_VERSION);
  return new Map(
    catalogue.techniques.map((t) => [
      t.id,
      { name: t.name, current: !t.revoked && !t.deprecated, tactics: t.tactics },
    ]),
  );
}

function current(attack: AttackIndex, id: string): string | null {
  const entry = attack.get(id);
  if (!entry) return `${id} is not in ATT&CK v${ATTACK_VERSION}`;
  if (!entry.current) return `${id} is revoked or deprecated in ATT&CK v${ATTACK_VERSION}`;
  return null;
}

const sorted = (values: string[]) => [...values].sort().join(", ");

export function checkAttack(t: RawTechnique, attack: AttackIndex): ContentIssue[] {
  if (!t.technique) return [];
  const file = t.technique.file;
  const fm = t.technique.data;
  const issues: ContentIssue[] = [];
  const add = (field: string, reason: string | null) => reason && issues.push({ file, field, reason });

  add("id", current(attack, t.id));
  const stix = attack.get(t.id);
  if (stix) {
    if (fm.name !== stix.name) add("name", `is "${String(fm.name)}"; ATT&CK calls ${t.id} "${stix.name}"`);
    const tactics = arrayOf(fm, "tactics").map(String);
    if (sorted(tactics) !== sorted(stix.tactics))
      add("tactics", `are [${sorted(tactics)}]; ATT&CK lists [${sorted(stix.tactics)}]`);
  }
  if (t.id.includes(".")) {
    const parent = t.id.split(".")[0]!;
    if (fm.parent !== parent) add("parent", `must be ${parent}`);
    const parentName = attack.get(parent)?.name;
    if (parentName && fm.parent_name !== parentName)
      add("parent_name", `is "${String(fm.parent_name)}"; ATT&CK calls ${parent} "${parentName}"`);
  }
  if (String(fm.attack_version) !== ATTACK_VERSION) add("attack_version", `must be "${ATTACK_VERSION}"`);
  arrayOf(fm, "related").forEach((r, i) => add(`related[${i}]`, current(attack, String(r))));
  arrayOf(fm, "tests").forEach((test, i) => {
    const atomic = (test as { atomic?: { technique?: unknown } }).atomic;
    if (atomic?.technique) add(`tests[${i}].atomic.technique`, current(attack, String(atomic.technique)));
  });

  if (t.sigmaSource && stix) {
    const sigmaFile = `techniques/${t.id}/sigma.yml`;
    let tags: string[] = [];
    try {
      const rule = parse(t.sigmaSource) as { tags?: unknown };
      tags = Array.isArray(rule?.tags) ? rule.tags.map(String) : [];
    } catch {
      return issues; // the loader and the Sigma check report the YAML error
    }
    const tagged: string[] = [];
    for (const tag of tags) {
      const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/.exec(tag);
      if (!m) continue;
      const id = m[1]!.toUpperCase();
      const reason = current(attack, id);
      if (reason) issues.push({ file: sigmaFile, field: "tags", reason: `${tag}: ${reason}` });
      else tagged.push(id);
    }
    // A tactic tag must belong to one of the techniques the rule is tagged with.
    const tactics = new Set(tagged.flatMap((id) => attack.get(id)?.tactics ?? []));
    for (const tag of tags.filter((tag) => /^attack\.[a-z]+(-[a-z]+)*$/.test(tag)))
      if (!tactics.has(tag.slice(7)))
        issues.push({
          file: sigmaFile,
          field: "tags",
          reason: `${tag} is not a tactic of the tagged techniques (${tagged.join(", ")}: ${sorted([...tactics])})`,
        });
  }
  return issues;
}
