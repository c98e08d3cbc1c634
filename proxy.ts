// Permanent redirects from the technique-id spellings people paste (t1021.007, T1021-007,
// t1021_007) to the canonical /techniques/T1021.007 form. Only a redirect: no checks live here.
import { NextResponse, type NextRequest } from "next/server";
import { canonicalTechniqueId } from "@/lib/attack/technique-id";

export function proxy(request: NextRequest) {
  const [, section, id, ...rest] = request.nextUrl.pathname.split("/");
  if (section !== "techniques" || !id) return NextResponse.next();
  // ATT&CK's own form, /techniques/T1021/007, names the sub-technique with a slash.
  const attackStyle = /^\d{3}$/.test(rest[0] ?? "") ? `${safeDecode(id)}.${rest.shift()}` : safeDecode(id);
  const canonical = attackStyle ? canonicalTechniqueId(attackStyle) : null;
  if (!canonical || (canonical === id && attackStyle === id)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = ["", "techniques", canonical, ...rest].join("/");
  return NextResponse.redirect(url, 308);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed escapes fall through to the normal 404
  }
}

export const config = { matcher: ["/techniques/:path*"] };
