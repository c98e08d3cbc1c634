// e2e tests are driven by the content the site was built from, so they follow the corpus.
import { loadContent } from "@/lib/content/load";
import { contentDir } from "@/lib/content/location";

export const catalog = loadContent(contentDir());

/** The detection the walk-through uses: T1021.007 on Elastic when present (the example). */
export function sampleDetection() {
  const technique =
    catalog.techniques.find((t) => t.id === "T1021.007") ??
    catalog.techniques.find((t) => t.detections.length > 1)!;
  const detection = technique.detections.find((d) => d.platform === "elastic") ?? technique.detections[0]!;
  const platform = catalog.platforms.find((p) => p.id === detection.platform)!;
  return { technique, detection, platform };
}
