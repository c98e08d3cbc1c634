import { searchCatalog } from "@/lib/search/server-search";
import { parseSearchQuery } from "@/lib/search/search-query";

// Answers depend on the query string; the content only changes with a deploy, so shared caches
// (deploy/nginx) may keep an answer for a while.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const parsed = parseSearchQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400 });
  return Response.json(
    { hits: searchCatalog(parsed.query) },
    { headers: { "Cache-Control": "public, max-age=60, s-maxage=600" } },
  );
}
