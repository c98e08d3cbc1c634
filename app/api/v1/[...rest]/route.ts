// Any other path under /api/v1: a JSON 404 in the API's error shape, not the site's HTML page.
import { ApiError, errorResponse } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

function notFound() {
  return errorResponse(
    new ApiError("not_found", "No such API resource; see /api/v1/openapi.json for the list."),
  );
}
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
