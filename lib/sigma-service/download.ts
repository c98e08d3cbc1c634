// Resolves a Sigma download request to a response description. Pure: the route handler maps it to HTTP.
import { createHash } from "node:crypto";
import { canonicalTechniqueId } from "@/lib/attack/technique-id";
import type { Technique } from "@/lib/content/model";

export type SigmaDownload =
  | { status: 404 }
  | { status: 304; etag: string }
  | { status: 200; etag: string; body: string; fileName: string };

/** The file name a user saves: T1021.007-cloud-services.yml */
export function sigmaFileName(technique: Pick<Technique, "id" | "name">): string {
  const slug = technique.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${technique.id}-${slug}.yml`;
}

export function etagFor(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * `fileParam` is the last path segment, e.g. "T1021.007.yml". Only a technique id followed by
 * ".yml" is accepted; the file is looked up in the loaded catalog, never on disk by name, so
 * `..`, encoded slashes and over-long ids cannot reach the file system and simply miss.
 */
export function resolveSigmaDownload(
  fileParam: string,
  ifNoneMatch: string | null,
  findTechnique: (id: string) => Technique | undefined,
): SigmaDownload {
  if (fileParam.length > 32 || !fileParam.toLowerCase().endsWith(".yml")) return { status: 404 };
  const id = canonicalTechniqueId(fileParam.slice(0, -4));
  const technique = id ? findTechnique(id) : undefined;
  if (!technique) return { status: 404 };
  const body = technique.sigma.source;
  const etag = etagFor(body);
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, etag };
  return { status: 200, etag, body, fileName: sigmaFileName(technique) };
}
