// POST /api/sigma/convert: { rule, targets?, events? } -> diagnostics, queries per backend and
// the evaluation of pasted events. Bad input is a 4xx with a message, never a 500.
import { z } from "zod";
import { BodyTooLargeError, readTextCapped } from "@/lib/http/read-body";
import {
  convertRequestSchema,
  convertSigma,
  MAX_BODY_BYTES,
  SigmaRequestError,
} from "@/lib/sigma-service/service";

export const dynamic = "force-dynamic";
const HEADERS = { "cache-control": "no-store" };

/** The body within the converter's cap, as the shared capped reader gives it. */
async function readBody(request: Request): Promise<string> {
  try {
    return await readTextCapped(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new SigmaRequestError(413, `the request is over ${MAX_BODY_BYTES / 1024} KB`);
    throw error;
  }
}

export async function POST(request: Request) {
  try {
    if (!request.headers.get("content-type")?.includes("application/json"))
      throw new SigmaRequestError(400, "send JSON (content-type: application/json)");
    let json: unknown;
    try {
      json = JSON.parse(await readBody(request));
    } catch (error) {
      if (error instanceof SigmaRequestError) throw error;
      throw new SigmaRequestError(400, "the body is not valid JSON");
    }
    const parsed = convertRequestSchema.safeParse(json);
    if (!parsed.success) throw new SigmaRequestError(400, z.prettifyError(parsed.error));
    return Response.json(await convertSigma(parsed.data), { headers: HEADERS });
  } catch (error) {
    if (error instanceof SigmaRequestError)
      return Response.json(
        { error: error.message, diagnostics: error.diagnostics },
        { status: error.status, headers: HEADERS },
      );
    throw error;
  }
}
