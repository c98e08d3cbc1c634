// Request bodies read with a ceiling. `request.formData()` and `request.text()` buffer whatever
// the client sends (5 × 200 MB grew the server by 0.9 GB), and a chunked upload has no
// Content-Length to check up front, so the stream itself is read with a cap.

export class BodyTooLargeError extends Error {
  readonly status = 413;
  constructor(readonly maxBytes: number) {
    super(`the request body is over ${formatBytes(maxBytes)}`);
    this.name = "BodyTooLargeError";
  }
}

/** The body's bytes, or BodyTooLargeError once it passes `maxBytes` (declared or actually sent). */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function readTextCapped(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyCapped(request, maxBytes));
}

/** Form fields (urlencoded or multipart), or null when the body is not a form. */
export async function readFormCapped(request: Request, maxBytes: number): Promise<FormData | null> {
  const bytes = await readBodyCapped(request, maxBytes);
  const type = request.headers.get("content-type") ?? "";
  return new Response(bytes, { headers: { "content-type": type } }).formData().catch(() => null);
}

/** A copy of the request whose body is already read within the cap, for handlers we do not own. */
export async function withCappedBody(request: Request, maxBytes: number): Promise<Request> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBodyCapped(request, maxBytes);
  return new Request(request, { body });
}

export function bodyTooLargeResponse(error: BodyTooLargeError): Response {
  return Response.json({ error: error.message }, { status: 413, headers: { "cache-control": "no-store" } });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
