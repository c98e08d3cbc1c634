import { openApiDocument } from "@/lib/api/openapi";

// The same for everyone and only changes with a build.
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
