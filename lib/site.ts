// Site-wide settings, parsed once from the environment.
import { z } from "zod";

const env = z
  .object({
    SITE_URL: z.url().default("http://localhost:3000"),
  })
  .parse({ SITE_URL: process.env.SITE_URL || undefined });

export const SITE = {
  name: "Detection Atlas",
  tagline: "Detections for every ATT&CK technique, in your SIEM's own language.",
  url: env.SITE_URL.replace(/\/$/, ""),
} as const;

export function absoluteUrl(pathname: string): string {
  return `${SITE.url}${pathname}`;
}
