// The answers the proxy gives when it refuses a request: a clear message, JSON for API callers
// and a small HTML page for browsers, always with the security headers (these responses never
// reach the routes that next.config.ts decorates).
import { securityHeaders } from "@/lib/security/headers";

export const RETRY_AFTER_SECONDS = 30;

function baseHeaders(extra: Record<string, string>): Headers {
  const headers = new Headers(extra);
  for (const { key, value } of securityHeaders(process.env.NODE_ENV === "production"))
    headers.set(key, value);
  headers.set("cache-control", "no-store");
  return headers;
}

export function jsonRefusal(status: number, message: string, extra: Record<string, string> = {}): Response {
  const headers = baseHeaders({ ...extra, "content-type": "application/json" });
  return new Response(JSON.stringify({ error: message }), { status, headers });
}

export function methodNotAllowed(allow: readonly string[]): Response {
  return jsonRefusal(405, "this address only answers GET and HEAD", { allow: allow.join(", ") });
}

/** 503 for a browser (a page) or an API client (JSON), with Retry-After. */
export function serviceUnavailable(wantsJson: boolean): Response {
  const extra = { "retry-after": String(RETRY_AFTER_SECONDS) };
  if (wantsJson) return jsonRefusal(503, "the service is briefly unavailable, try again in a moment", extra);
  const headers = baseHeaders({ ...extra, "content-type": "text/html; charset=utf-8" });
  return new Response(UNAVAILABLE_PAGE, { status: 503, headers });
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Briefly unavailable · Detection Atlas</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#0f172a}
a{color:#1d4ed8}@media (prefers-color-scheme:dark){body{background:#020617;color:#e2e8f0}a{color:#93c5fd}}</style>
</head>
<body>
<p>503</p>
<h1>Accounts are briefly unavailable</h1>
<p>We cannot reach our account database just now, so sign-in, your account and pricing are paused.
Nothing was changed. Try again in a minute.</p>
<p>Every technique page, detection query and Sigma rule is still open: <a href="/">go to the home page</a>.</p>
</body>
</html>
`;
