// Typed API errors: a stable code, its HTTP status and a message for people. Never a stack.
import type { ErrorCode } from "@/lib/api/schemas";

export const STATUS: Record<ErrorCode, number> = {
  invalid_parameter: 400,
  invalid_cursor: 400,
  invalid_key: 401,
  authentication_required: 401,
  pro_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
    this.status = STATUS[code];
  }
}

export function errorResponse(error: ApiError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    {
      status: error.status,
      headers: { "cache-control": "no-store", vary: "authorization", ...error.headers },
    },
  );
}
