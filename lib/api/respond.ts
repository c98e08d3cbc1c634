// Successful API answers: validated against their schema, with an ETag (304 on If-None-Match)
// and caching that fits the caller: shared caches for anonymous answers, none for keyed ones.
import crypto from "node:crypto";
import type { z } from "zod";

export const PUBLIC_MAX_AGE_SECONDS = 300;

export function etagOf(body: string): string {
  return `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 weak comparison: `*`, a list, and W/ prefixes all match. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function cacheHeaders(keyed: boolean): Record<string, string> {
  return {
    "cache-control": keyed ? "private, no-store" : `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
    vary: "authorization",
  };
}

export function jsonResponse<S extends z.ZodType>(
  request: Request,
  schema: S,
  value: z.output<S>,
  keyed: boolean,
): Response {
  // A response that does not match its published schema is our bug: fail loudly, never send it.
  const body = JSON.stringify(schema.parse(value));
  const etag = etagOf(body);
  const headers = { ...cacheHeaders(keyed), etag };
  if (matchesEtag(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "content-type": "application/json" } });
}
