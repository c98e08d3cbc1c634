import { getCatalog } from "@/lib/content/catalog";
import { buildSearchIndex } from "@/lib/search/search-index";

// Written once at build time as a static file: the browser downloads it and searches locally.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildSearchIndex(getCatalog()));
}
