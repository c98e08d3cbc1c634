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

export function feedItems(): FeedItem[] {
  return recentlyUpdated(FEED_SIZE).map(({ technique, detection: d, platform }) => {
    const latest = [...d.changelog].sort((a, b) => b.version - a.version)[0]!;
    const isNew = d.version === 1;
    const attack = `ATT&CK mapping: ${technique.id} ${technique.name}, made against ATT&CK v${technique.attack_version}.`;
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
  return [...versions].sort();
}
