import type { MetadataRoute } from "next";
import { getCatalog } from "@/lib/content/catalog";
import { routes } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site";

/** Public pages only: Pro material has no URL of its own and never appears here. */
export default function sitemap(): MetadataRoute.Sitemap {
  const { techniques, platforms } = getCatalog();
  const latest = (dates: string[]) => dates.sort().at(-1);
  return [
    { url: absoluteUrl(routes.home()) },
    { url: absoluteUrl(routes.techniques()) },
    { url: absoluteUrl(routes.platforms()) },
    { url: absoluteUrl(routes.matrix()) },
    { url: absoluteUrl(routes.search()) },
    { url: absoluteUrl(routes.sigmaConverter()) },
    ...platforms.map((p) => ({ url: absoluteUrl(routes.platform(p.id)) })),
    ...platforms.map((p) => ({ url: absoluteUrl(routes.matrix(p.id)) })),
    ...techniques.map((t) => ({
      url: absoluteUrl(routes.technique(t.id)),
      lastModified: latest([t.updated, ...t.detections.map((d) => d.updated)]),
    })),
    ...techniques.flatMap((t) =>
      t.detections.map((d) => ({
        url: absoluteUrl(routes.detection(t.id, d.platform)),
        lastModified: d.updated,
      })),
    ),
  ];
}
