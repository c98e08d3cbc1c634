import { apiHandler, methodNotAllowed } from "@/lib/api/handler";
import { parseListQuery } from "@/lib/api/query";
import { listTechniques } from "@/lib/api/resources";
import { jsonResponse } from "@/lib/api/respond";
import { techniqueListResponse } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ request, url, meta, keyed }) =>
  jsonResponse(request, techniqueListResponse, { ...listTechniques(parseListQuery(url)), meta }, keyed),
);
export const POST = methodNotAllowed();
export const PUT = methodNotAllowed();
export const PATCH = methodNotAllowed();
export const DELETE = methodNotAllowed();
