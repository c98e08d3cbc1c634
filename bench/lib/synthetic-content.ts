// Schema-valid synthetic content of a given size: the real techniques of content/ cloned, round
// robin, onto other real ATT&CK techniques (id, name, parent and tactics from the synced ATT&CK
// data, .data/attack/enterprise.json), each clone with fresh UUIDs. Pages therefore weigh what real
// pages weigh, and the loader validates the result like any corpus (the caller checks it).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "../..");
const SOURCE = path.join(REPO, "content");
const ATTACK = path.join(REPO, ".data/attack/enterprise.json");
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi;

type AttackTechnique = { id: string; name: string; tactics: string[] };

function attackTechniques(): AttackTechnique[] {
  if (!fs.existsSync(ATTACK))
    throw new Error("No ATT&CK data: run `npm run attack:sync -- --bundle <enterprise-attack.json>` first");
  return (JSON.parse(fs.readFileSync(ATTACK, "utf8")) as { techniques: AttackTechnique[] }).techniques;
}

function rewriteFrontmatter(
  text: string,
  target: AttackTechnique,
  parent: AttackTechnique | undefined,
  sourceId: string,
) {
  const [, frontmatter, body] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
  if (frontmatter === undefined) throw new Error("technique.mdx without frontmatter");
  const lines = frontmatter
    .split("\n")
    .filter((l) => !/^parent(_name)?:/.test(l))
    .map((l) => {
      if (l.startsWith("name:")) return `name: ${JSON.stringify(target.name)}`;
      if (l.startsWith("tactics:")) return `tactics: [${target.tactics.join(", ")}]`;
      if (l.startsWith("related:")) {
        const ids = (l.match(/T\d{4}(?:\.\d{3})?/g) ?? []).filter((id) => id !== target.id);
        return `related: [${(ids.length ? ids : [sourceId]).join(", ")}]`;
      }
      return l;
    });
  if (parent) {
    const at = lines.findIndex((l) => l.startsWith("name:")) + 1;
    lines.splice(at, 0, `parent: ${parent.id}`, `parent_name: ${JSON.stringify(parent.name)}`);
  }
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

function copyClone(
  from: string,
  to: string,
  sourceId: string,
  target: AttackTechnique,
  parent?: AttackTechnique,
) {
  const uuids = new Map<string, string>();
  const fresh = (u: string) => {
    const key = u.toLowerCase();
    if (!uuids.has(key)) uuids.set(key, crypto.randomUUID());
    return uuids.get(key)!;
  };
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const src = path.join(entry.parentPath, entry.name);
    const dst = path.join(to, path.relative(from, src));
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    let text = fs
      .readFileSync(src, "utf8")
      .replaceAll(sourceId, target.id)
      .replaceAll(sourceId.toLowerCase(), target.id.toLowerCase())
      .replace(UUID, fresh);
    if (entry.name === "technique.mdx" && path.dirname(src) === from)
      text = rewriteFrontmatter(text, target, parent, sourceId);
    fs.writeFileSync(dst, text);
  }
}

/** Writes at least `detections` detections into `dir`; returns the counts written. */
export function writeSyntheticContent(dir: string, detections: number) {
  fs.cpSync(path.join(SOURCE, "registry"), path.join(dir, "registry"), { recursive: true });
  const sources = fs
    .readdirSync(path.join(SOURCE, "techniques"))
    .sort()
    .map((id) => ({
      id,
      detections: fs.readdirSync(path.join(SOURCE, "techniques", id, "detections")).length,
    }));
  const all = attackTechniques();
  const byId = new Map(all.map((t) => [t.id, t]));
  let written = 0;
  let techniques = 0;
  for (const target of all) {
    if (written >= detections) break;
    const source = sources[techniques % sources.length]!;
    const parent = target.id.includes(".") ? byId.get(target.id.split(".")[0]!) : undefined;
    copyClone(
      path.join(SOURCE, "techniques", source.id),
      path.join(dir, "techniques", target.id),
      source.id,
      target,
      parent,
    );
    written += source.detections;
    techniques++;
  }
  if (written < detections) throw new Error(`ATT&CK has too few techniques for ${detections} detections`);
  return { techniques, detections: written };
}
