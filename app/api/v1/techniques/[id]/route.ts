import { apiHandler, methodNotAllowed } from "@/lib/api/handler";
import { findTechnique } from "@/lib/api/resources";
import { jsonResponse } from "@/lib/api/respond";
import { techniqueResponse } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiHandler<{ id: string }>(async ({ request, caller, meta, keyed }, { id }) =>
  jsonResponse(request, techniqueResponse, { data: findTechnique(id, caller), meta }, keyed),
);
export const POST = methodNotAllowed();
export const PUT = methodNotAllowed();
export const PATCH = methodNotAllowed();
export const DELETE = methodNotAllowed();
