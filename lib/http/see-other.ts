/**
 * 303 See Other after a form POST. Same-site targets stay relative: behind `next start` or a proxy
 * the request URL can name another host (localhost for 127.0.0.1), and an absolute redirect there
 * would lose the session cookie and break CSP form-action 'self'.
 */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
