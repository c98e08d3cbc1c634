// Feed entries: new and changed detections, newest first, each with its latest changelog line.
// Public fields only: the catalog holds no Pro bodies, and nothing here reads lib/content/pro.
import "server-only";
import { recentlyUpdated } from "@/lib/content/catalog";
import { routes } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site";

export const FEED_SIZE = 50;

export type FeedItem = {
  /** Stable per detection version, so a reader shows each change once. */
  id: string;
  title: string;
  url: string;
  /** YYYY-MM-DD of this version. */
  date: string;
  summary: string;
  tags: string[];
};

/** Numeric order of ATT&CK versions ("9.0" < "18.1"). */
export function compareAttackVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/**
 * The ATT&CK line of an entry: the version its mapping was made against, and a warning when the
 * corpus has moved on to a newer ATT&CK release (the mapping may need a look).
 */
export function attackNote(id: string, name: string, version: string, newest: string): string {
  const line = `ATT&CK mapping: ${id} ${name}, made against ATT&CK v${version}.`;
  return compareAttackVersions(version, newest) < 0
    ? `${line} Other mappings have moved to ATT&CK v${newest}; this one has not been reviewed against it yet.`
    : line;
}

export function feedItems(): FeedItem[] {
  const versions = attackVersions();
  const newest = versions[versions.length - 1] ?? "";
  return recentlyUpdated(FEED_SIZE).map(({ technique, detection: d, platform }) => {
    const latest = [...d.changelog].sort((a, b) => b.version - a.version)[0]!;
    const isNew = d.version === 1;
    const attack = attackNote(technique.id, technique.name, technique.attack_version, newest);
    return {
      id: `urn:uuid:${d.id}#v${d.version}`,
      title: `${isNew ? "New" : "Updated"}: ${d.name} (${technique.id}, ${platform.name}) v${d.version}`,
      url: absoluteUrl(routes.detection(technique.id, d.platform)),
      date: latest.date,
      summary: `v${latest.version} (${latest.date}): ${latest.note} ${attack} Severity ${d.severity}, confidence ${d.confidence}.`,
      tags: [technique.id, platform.id, ...technique.tactics],
    };
  });
}

/** The ATT&CK versions the corpus is mapped against, so a reader can see when mappings move. */
export function attackVersions(): string[] {
  const versions = new Set(recentlyUpdated(Number.MAX_SAFE_INTEGER).map((e) => e.technique.attack_version));
  return [...versions].sort(compareAttackVersions);
}
