import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyCapped, readFormCapped, withCappedBody } from "./read-body";

function streamed(chunks: number, chunkBytes: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) return controller.close();
      controller.enqueue(new Uint8Array(chunkBytes).fill(97));
    },
  });
  // No Content-Length: the cap has to hold while reading.
  return new Request("http://site.test/api", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyCapped", () => {
  it("returns bodies within the cap", async () => {
    const body = await readBodyCapped(streamed(4, 1024), 4096);
    expect(body.byteLength).toBe(4096);
  });

  it("refuses a declared length over the cap before reading", async () => {
    const request = new Request("http://site.test/api", {
      method: "POST",
      body: "x",
      headers: { "content-length": "999999" },
    });
    await expect(readBodyCapped(request, 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("stops a chunked body once it passes the cap, without reading the rest", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://site.test/api", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    const error = await readBodyCapped(request, 100 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).message).toBe("the request body is over 100 KB");
    expect(pulled).toBeLessThan(5);
  });

  it("parses a capped form, and hands on a capped copy of a request", async () => {
    const form = new Request("http://site.test/api", {
      method: "POST",
      body: "interval=monthly",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect((await readFormCapped(form, 1024))?.get("interval")).toBe("monthly");
    const copy = await withCappedBody(
      new Request("http://site.test/api", { method: "POST", body: '{"a":1}' }),
      1024,
    );
    expect(await copy.json()).toEqual({ a: 1 });
    await expect(withCappedBody(streamed(3, 1024), 2048)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
