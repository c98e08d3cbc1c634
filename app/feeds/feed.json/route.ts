import { attackVersions, feedItems } from "@/lib/feeds/items";
import { feedPaths } from "@/lib/feeds/paths";
import { renderJsonFeed } from "@/lib/feeds/render";

// Public content only, and it changes only with a build.
export const dynamic = "force-static";

export function GET() {
  const body = renderJsonFeed({ items: feedItems(), attackVersions: attackVersions() }, feedPaths.json);
  return new Response(body, { headers: { "content-type": "application/feed+json; charset=utf-8" } });
}
