import { layerResponse } from "@/lib/coverage/layer-response";

// Dynamic only to read ?platform=; the layer is computed from the in-memory catalogues.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return layerResponse("coverage", request);
}
