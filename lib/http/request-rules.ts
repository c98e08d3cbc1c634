// What the proxy refuses before any route runs, as pure functions of the request line and headers
// (tested without a server). Route handlers still validate their own input; these rules only
// stop requests that no route of ours could answer properly.

/** Percent-escapes that do not decode (`/sigma/%`, `%E0%A4%A`): Next's router would answer 500. */
export function hasMalformedEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Route handlers under /api declare their own methods (Next answers 405 for the rest). */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export const PAGE_METHODS = ["GET", "HEAD"] as const;

/** Pages with server-action forms, which a browser without JavaScript posts as multipart. */
const ACTION_PAGES = ["/billing/demo/"];

/**
 * Pages and the static files beside them are read-only: GET and HEAD, plus POST when it carries
 * a server action (the `Next-Action` header, or a no-JavaScript form post to a page that has
 * actions), which Next itself validates. Everything else gets 405.
 */
export function pageMethodAllowed(method: string, pathname: string, headers: Headers): boolean {
  if (method === "GET" || method === "HEAD") return true;
  if (method !== "POST") return false;
  if (headers.has("next-action")) return true;
  const multipart = headers.get("content-type")?.startsWith("multipart/form-data") ?? false;
  return multipart && ACTION_PAGES.some((prefix) => pathname.startsWith(prefix));
}

/** Largest body each family of routes accepts, checked on Content-Length before routing. */
export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith("/api/billing/webhook")) return 512 * 1024; // Stripe's events are a few KB
  if (pathname.startsWith("/api/sigma/")) return 1024 * 1024; // the converter checks its own, lower cap
  if (isApiPath(pathname)) return 64 * 1024; // auth JSON, billing forms
  return 64 * 1024; // server actions: serverActions.bodySizeLimit in next.config.ts
}

/** A declared Content-Length over the limit (chunked bodies are capped where they are read). */
export function declaresTooLargeBody(headers: Headers, limit: number): boolean {
  const declared = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(declared) && declared > limit;
}

/** Pages and handlers that cannot answer without the database. */
export function needsDatabase(pathname: string): boolean {
  return (
    pathname === "/pricing" ||
    pathname === "/account" ||
    pathname.startsWith("/account/") ||
    pathname.startsWith("/billing/") ||
    pathname.startsWith("/api/auth/") ||
    pathname === "/api/billing/checkout" ||
    pathname === "/api/billing/portal"
  );
}
