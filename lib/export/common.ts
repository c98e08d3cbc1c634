// Shared pieces of every export: the detections of a platform, ATT&CK names and the licence file.
import "server-only";
import { TACTICS, attackUrl, tacticByShortName } from "@/lib/attack/tactics";
import { detectionsForPlatform, getTechnique, type DetectionEntry } from "@/lib/content/catalog";
import { LICENCE, LICENCE_SUMMARY } from "@/lib/licence";
import { durationMs } from "@/lib/content/deployment";
import { SITE } from "@/lib/site";

export { detectionsForPlatform };
export type { DetectionEntry };

export function licenceFile(): string {
  return `${SITE.name} export\n\n${LICENCE_SUMMARY}\n\nRules: ${LICENCE.rules.name}\n${LICENCE.rules.url}\n\nProse: ${LICENCE.content.name}\n${LICENCE.content.url}\n\nTechnique names and ids from MITRE ATT&CK®, © The MITRE Corporation, used under its terms of use.\n`;
}

/** A file-name-safe slug: "T1059.001-encoded-powershell". */
export function slug(e: DetectionEntry): string {
  const name = e.detection.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${e.technique.id}-${name}`.slice(0, 100);
}

export function tacticsOf(e: DetectionEntry) {
  return e.technique.tactics.flatMap((s) => {
    const t = tacticByShortName(s);
    return t ? [t] : [];
  });
}

/** The technique and, for a sub-technique, its parent, as ATT&CK names them. */
export function techniqueRefs(e: DetectionEntry) {
  const t = e.technique;
  const parentId = t.parent ?? null;
  const parentName = t.parent_name ?? getTechnique(parentId ?? "")?.name ?? null;
  return { id: t.id, name: t.name, parentId, parentName, url: attackUrl(t.id) };
}

/** "5m" → "PT5M", "14d" → "P14D": ISO 8601 durations as Sentinel's content format wants them. */
export function isoDuration(value: string): string {
  const ms = durationMs(value);
  if (Number.isNaN(ms)) throw new Error(`not a duration: ${value}`);
  const m = /^(\d+)(s|m|h|d)$/.exec(value)!;
  const n = m[1];
  return m[2] === "d" ? `P${n}D` : `PT${n}${m[2]!.toUpperCase()}`;
}

export function description(e: DetectionEntry): string {
  return `${e.detection.name}: detects ${e.technique.id} ${e.technique.name} on ${e.platform.name}. ${e.technique.description}`;
}

export { TACTICS };
