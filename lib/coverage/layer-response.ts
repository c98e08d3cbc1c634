// GET /navigator/<coverage|gaps>.json?platform=<id>: the layer as a download, 400 on an unknown platform.
import "server-only";
import { getCatalog } from "@/lib/content/catalog";
import { getAttackCatalogue } from "@/lib/coverage/attack-data";
import { coverageLayer, gapsLayer } from "@/lib/coverage/navigator-layer";

export function layerResponse(kind: "coverage" | "gaps", request: Request): Response {
  const content = getCatalog();
  const platformId = new URL(request.url).searchParams.get("platform") ?? undefined;
  if (platformId !== undefined && !content.platforms.some((p) => p.id === platformId)) {
    const known = content.platforms.map((p) => p.id).join(", ");
    return Response.json(
      { error: `Unknown platform "${platformId.slice(0, 40)}". Use one of: ${known}, or omit platform.` },
      { status: 400 },
    );
  }
  const build = kind === "coverage" ? coverageLayer : gapsLayer;
  const layer = build(getAttackCatalogue(), content, platformId);
  const fileName = `detection-atlas-${kind}${platformId ? `-${platformId}` : ""}.json`;
  return new Response(JSON.stringify(layer, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "public, max-age=300",
    },
  });
}
