import { attackVersions, feedItems } from "@/lib/feeds/items";
import { feedPaths } from "@/lib/feeds/paths";
import { renderRss } from "@/lib/feeds/render";

// Public content only, and it changes only with a build.
export const dynamic = "force-static";

export function GET() {
  const body = renderRss({ items: feedItems(), attackVersions: attackVersions() }, feedPaths.rss);
  return new Response(body, { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
