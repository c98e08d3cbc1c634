import { getTechnique } from "@/lib/content/catalog";
import { resolveSigmaDownload } from "@/lib/sigma-service/download";

// Dynamic so that If-None-Match is answered with 304; the body comes from the in-memory catalog.
export const dynamic = "force-dynamic";

const CACHE = "public, max-age=300, must-revalidate";

export async function GET(request: Request, ctx: RouteContext<"/sigma/[file]">) {
  const { file } = await ctx.params;
  const result = resolveSigmaDownload(file, request.headers.get("if-none-match"), getTechnique);
  if (result.status === 404) {
    return new Response(
      "No Sigma rule at this address. Rules live at /sigma/<technique id>.yml, e.g. /sigma/T1059.001.yml\n",
      {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      },
    );
  }
  if (result.status === 304) {
    return new Response(null, { status: 304, headers: { etag: result.etag, "cache-control": CACHE } });
  }
  return new Response(result.body, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${result.fileName}"`,
      etag: result.etag,
      "cache-control": CACHE,
      "x-content-type-options": "nosniff",
    },
  });
}
