// Site-wide settings, parsed once from the environment.
import { z } from "zod";

const env = z
  .object({
    SITE_URL: z.url().optional(),
    NEXT_PHASE: z.string().optional(),
  })
  .parse({ SITE_URL: process.env.SITE_URL || undefined, NEXT_PHASE: process.env.NEXT_PHASE });

// Public pages are prerendered, so their canonical and og:url are fixed when they are built: a
// production build without the public origin would publish http://localhost:3000 in every page.
if (!env.SITE_URL && env.NEXT_PHASE === "phase-production-build")
  throw new Error(
    "SITE_URL is not set: a production build needs the public origin (e.g. SITE_URL=https://atlas.example.com) for canonical URLs, og:url and sitemap links.",
  );

export const SITE = {
  name: "Detection Atlas",
  tagline: "Detections for every ATT&CK technique, in your SIEM's own language.",
  url: (env.SITE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
} as const;

export function absoluteUrl(pathname: string): string {
  return `${SITE.url}${pathname}`;
}
