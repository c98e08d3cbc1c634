// better-auth's endpoints, with two things its handler does not do: a cap on the body it reads
// (it buffers whatever JSON it is sent) and a 503 instead of an empty 500 when the database
// stops answering mid-request (the proxy already refuses when the database is down up front).
import { getAuth } from "@/lib/auth/auth";
import { databaseReachable } from "@/lib/http/database-probe";
import { BodyTooLargeError, bodyTooLargeResponse, withCappedBody } from "@/lib/http/read-body";
import { serviceUnavailable } from "@/lib/http/refusals";

const MAX_BODY_BYTES = 64 * 1024; // sign-in, sign-up and reset forms are well under 1 KB

async function handler(request: Request): Promise<Response> {
  let capped: Request;
  try {
    capped = await withCappedBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error);
    throw error;
  }
  try {
    const response = await getAuth().handler(capped);
    if (response.status >= 500 && !(await databaseReachable({ fresh: true })))
      return serviceUnavailable(true);
    return response;
  } catch (error) {
    if (await databaseReachable({ fresh: true })) throw error;
    console.error("auth: database unavailable", error);
    return serviceUnavailable(true);
  }
}

export { handler as GET, handler as POST };
