// Runs before every route (Next 16: after next.config.ts headers, before the router decodes
// dynamic params). Two jobs, each its own function: refuse requests no route can answer properly
// (guardRequest), and redirect pasted technique-id spellings and moved techniques
// (techniqueRedirect). No access checks live here: pages and handlers check the session themselves.
import { NextResponse, type NextRequest } from "next/server";
import { currentTechniqueId } from "@/lib/attack/moved-techniques";
import { canonicalTechniqueId } from "@/lib/attack/technique-id";
import { databaseReachable } from "@/lib/http/database-probe";
import { jsonRefusal, methodNotAllowed, serviceUnavailable } from "@/lib/http/refusals";
import {
  PAGE_METHODS,
  bodyLimitFor,
  declaresTooLargeBody,
  hasMalformedEscape,
  isApiPath,
  needsDatabase,
  pageMethodAllowed,
} from "@/lib/http/request-rules";
import { isSameOrigin } from "@/lib/security/same-origin";

export async function proxy(request: NextRequest) {
  return (await guardRequest(request)) ?? techniqueRedirect(request);
}

/** A refusal (400, 403, 405, 413, 503), or null to let the request through. */
async function guardRequest(request: NextRequest): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  const api = isApiPath(pathname);
  // Next's router answers a malformed escape with a plain-text 500 (it looks for a /400 page
  // the App Router does not have).
  if (hasMalformedEscape(pathname))
    return jsonRefusal(400, "the address has a malformed percent-escape (such as a lone %)");
  if (!api && !pageMethodAllowed(request.method, pathname, request.headers))
    return methodNotAllowed(PAGE_METHODS);
  // A POST that reaches a page is a server action; Next throws (500) on one from another
  // origin, so say what happened instead.
  if (!api && request.method === "POST" && !isSameOrigin(request))
    return jsonRefusal(403, "cross-site request refused: this form must be sent from this site");
  const limit = bodyLimitFor(pathname);
  if (declaresTooLargeBody(request.headers, limit))
    return jsonRefusal(413, `the request body is over ${Math.round(limit / 1024)} KB`);
  if (needsDatabase(pathname) && !(await databaseReachable())) return serviceUnavailable(api);
  return null;
}

// Permanent redirects from the technique-id spellings people paste (t1021.007, T1021-007,
// t1021_007) to the canonical /techniques/T1021.007 form.
function techniqueRedirect(request: NextRequest) {
  const [, section, id, ...rest] = request.nextUrl.pathname.split("/");
  if (section !== "techniques" || !id) return NextResponse.next();
  // ATT&CK's own form, /techniques/T1021/007, names the sub-technique with a slash.
  const attackStyle = /^\d{3}$/.test(rest[0] ?? "") ? `${safeDecode(id)}.${rest.shift()}` : safeDecode(id);
  const spelled = attackStyle ? canonicalTechniqueId(attackStyle) : null;
  // A technique whose content moved to a sub-technique keeps its old address working.
  const canonical = spelled ? currentTechniqueId(spelled) : null;
  if (!canonical || (canonical === id && attackStyle === id)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = ["", "techniques", canonical, ...rest].join("/");
  return NextResponse.redirect(url, 308);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed escapes are refused by guardRequest before this runs
  }
}

// Everything but the build's hashed static files, which no guard applies to.
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
