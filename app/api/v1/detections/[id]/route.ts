import { apiHandler, methodNotAllowed } from "@/lib/api/handler";
import { findDetection } from "@/lib/api/resources";
import { jsonResponse } from "@/lib/api/respond";
import { detectionResponse } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>(async ({ request, caller, meta, keyed }, { id }) =>
  jsonResponse(request, detectionResponse, { data: findDetection(id, caller), meta }, keyed),
);
export const POST = methodNotAllowed();
export const PUT = methodNotAllowed();
export const PATCH = methodNotAllowed();
export const DELETE = methodNotAllowed();
