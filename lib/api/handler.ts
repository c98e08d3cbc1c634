// The frame of every /api/v1 handler: size check, caller (anonymous or API key, with the key's
// rate limit), typed errors mapped to JSON, and no stack trace ever leaves the server.
import "server-only";
import { resolveKeyCaller, type ApiCaller } from "@/lib/access/api-caller";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { databaseReachable } from "@/lib/http/database-probe";
import { RETRY_AFTER_SECONDS } from "@/lib/http/refusals";
import { LICENCE } from "@/lib/licence";
import type { Meta } from "@/lib/api/schemas";

/** GET requests carry no body; anything this large is not a request of ours. */
const MAX_REQUEST_BYTES = 8 * 1024;
const MAX_URL_LENGTH = 2048;

export type ApiContext = { request: Request; url: URL; caller: ApiCaller; meta: Meta; keyed: boolean };

export function apiMeta(caller: ApiCaller): Meta {
  return { apiVersion: "1", licence: LICENCE, pro: caller.kind !== "anonymous" && caller.plan === "pro" };
}

export function apiHandler<P = unknown>(run: (ctx: ApiContext, params: P) => Promise<Response>) {
  return async (request: Request, routeContext: { params: Promise<P> }): Promise<Response> => {
    try {
      const declared = Number(request.headers.get("content-length") ?? "0");
      if (declared > MAX_REQUEST_BYTES || request.url.length > MAX_URL_LENGTH)
        throw new ApiError("request_too_large", "The request is larger than this API accepts.");
      const resolved = await resolveKeyCaller(request);
      if (!resolved.ok) {
        const { failure } = resolved;
        throw new ApiError(
          failure.code,
          failure.message,
          failure.code === "rate_limited" ? { "retry-after": String(failure.retryAfterSeconds) } : {},
        );
      }
      const { caller } = resolved;
      const ctx = {
        request,
        url: new URL(request.url),
        caller,
        meta: apiMeta(caller),
        keyed: caller.kind !== "anonymous",
      };
      return await run(ctx, await routeContext.params);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      console.error("API request failed", request.method, new URL(request.url).pathname, error);
      // Key lookups and rate limits read the database: when it is down the caller should retry
      // later (503), not conclude the request itself was wrong or that we are broken for good.
      if (!(await databaseReachable({ fresh: true })))
        return errorResponse(
          new ApiError(
            "service_unavailable",
            "The database is unavailable; retry shortly.",
            { "retry-after": String(RETRY_AFTER_SECONDS) },
            { cause: error },
          ),
        );
      return errorResponse(
        new ApiError("internal_error", "Something went wrong on our side.", {}, { cause: error }),
      );
    }
  };
}

/** The answer for methods a resource does not support (Next would send an empty 405). */
export function methodNotAllowed(allow = "GET, HEAD") {
  return async () =>
    errorResponse(new ApiError("method_not_allowed", `This resource supports ${allow} only.`, { allow }));
}
