// Cross-site request forgery guard for form POSTs to route handlers (server actions have their
// own). Browsers send Origin on POST; we accept our configured site URL or the Host we answer on.
import { SITE } from "@/lib/site";

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (origin === new URL(SITE.url).origin) return true;
  const host = request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
