import { attackVersions, feedItems } from "@/lib/feeds/items";
import { feedPaths } from "@/lib/feeds/paths";
import { renderAtom } from "@/lib/feeds/render";

// Public content only, and it changes only with a build.
export const dynamic = "force-static";

export function GET() {
  const body = renderAtom({ items: feedItems(), attackVersions: attackVersions() }, feedPaths.atom);
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
