// Which requests may be answered with a prerendered page's stored tag or bytes (scripts/serve.mjs:
// prerender-etags.mjs, prerender-memory.mjs): plain document GETs and HEADs. Payload (RSC) and
// prefetch requests, server actions and draft previews get other bodies at the same path.
const BYPASS_HEADERS = ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

/** The decoded path of a plain document request, or null when the request needs the app. */
export function documentPathname(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (BYPASS_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  if (/__prerender_bypass/.test(req.headers.cookie ?? "")) return null;
  try {
    // Decoded, so percent-encoded spellings of one page share its entry.
    return decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  } catch {
    return null;
  }
}
