// Pro platform packs: `/api/v1/exports/<platform>.zip` for a Pro session or a Pro API key.
// 401 → 403 → 404, so nobody learns which packs exist without being entitled to them.
import { resolveKeyOrSessionCaller } from "@/lib/access/api-caller";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { methodNotAllowed } from "@/lib/api/handler";
import { PRO_PACKS } from "@/lib/export/pro-packs";
import { zipFiles } from "@/lib/export/zip";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ pack: string }> }) {
  const { pack } = await ctx.params;
  const resolved = await resolveKeyOrSessionCaller(request);
  if (!resolved.ok) {
    const { failure } = resolved;
    const headers: Record<string, string> =
      failure.code === "rate_limited" ? { "retry-after": String(failure.retryAfterSeconds) } : {};
    return errorResponse(new ApiError(failure.code, failure.message, headers));
  }
  const { caller } = resolved;
  if (caller.kind === "anonymous")
    return errorResponse(
      new ApiError("authentication_required", "Sign in or send a Pro API key to download platform packs."),
    );
  if (caller.plan !== "pro")
    return errorResponse(new ApiError("pro_required", "Platform packs are part of Pro."));
  const platform = /^([a-z0-9-]+)\.zip$/.exec(pack)?.[1];
  const build =
    platform && Object.hasOwn(PRO_PACKS, platform)
      ? PRO_PACKS[platform as keyof typeof PRO_PACKS]
      : undefined;
  if (!build || !platform) return errorResponse(new ApiError("not_found", `No export pack ${pack}.`));
  return new Response(Buffer.from(zipFiles(build())), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="detection-atlas-${platform}.zip"`,
      "cache-control": "private, no-store",
      vary: "authorization, cookie",
    },
  });
}
export const POST = methodNotAllowed("GET");
