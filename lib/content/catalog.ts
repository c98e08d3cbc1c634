// Server-side access to the validated content. Pages ask this module; they never read files.
import "server-only";
import { loadContent } from "@/lib/content/load";
import type { Catalog, Detection, Technique } from "@/lib/content/model";
import type { PlatformInfo } from "@/lib/content/schema";
import { contentDir } from "@/lib/content/location";

let loaded: Catalog | undefined;

/** Loaded once per server process: content only changes with a new build. */
export function getCatalog(): Catalog {
  loaded ??= loadContent(contentDir());
  return loaded;
}

export function getTechnique(id: string): Technique | undefined {
  return getCatalog().techniques.find((t) => t.id === id);
}

export function getPlatform(id: string): PlatformInfo | undefined {
  return getCatalog().platforms.find((p) => p.id === id);
}

export function getDetection(techniqueId: string, platformId: string): Detection | undefined {
  return getTechnique(techniqueId)?.detections.find((d) => d.platform === platformId);
}

export type DetectionEntry = { technique: Technique; detection: Detection; platform: PlatformInfo };

export function allDetections(): DetectionEntry[] {
  const { techniques, platforms } = getCatalog();
  return techniques.flatMap((technique) =>
    technique.detections.map((detection) => ({
      technique,
      detection,
      platform: platforms.find((p) => p.id === detection.platform)!,
    })),
  );
}

export function detectionsForPlatform(platformId: string): DetectionEntry[] {
  return allDetections().filter((e) => e.platform.id === platformId);
}

/** Most recently updated first; ties broken by creation date then id for a stable order. */
export function recentlyUpdated(limit: number): DetectionEntry[] {
  return [...allDetections()]
    .sort(
      (a, b) =>
        b.detection.updated.localeCompare(a.detection.updated) ||
        b.detection.created.localeCompare(a.detection.created) ||
        a.technique.id.localeCompare(b.technique.id),
    )
    .slice(0, limit);
}

export function techniquesForTactic(shortName: string): Technique[] {
  return getCatalog().techniques.filter((t) => (t.tactics as string[]).includes(shortName));
}
