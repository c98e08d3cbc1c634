// The production front (deploy/nginx) in front of a stand-in app that counts its hits and answers
// with the headers the real app sends: public pages come from the cache, while signed-in and keyed
// requests, private routes and answers that set a cookie always reach the app and are never stored.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { nginxAvailable, startFront, type RunningNginx } from "@/bench/lib/nginx";
import { freePort } from "@/bench/lib/ports";

const PAGE = "s-maxage=31536000"; // what Next sends for a prerendered page
const BIG = "<p>detection</p>".repeat(500);

type Seen = { path: string; forwardedFor: string | undefined; acceptEncoding: string | undefined };

function standIn(seen: Seen[]) {
  return http.createServer((req, res) => {
    seen.push({
      path: req.url ?? "",
      forwardedFor: req.headers["x-forwarded-for"] as string | undefined,
      acceptEncoding: req.headers["accept-encoding"] as string | undefined,
    });
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.startsWith("/private")) res.setHeader("Cache-Control", "private, no-cache, no-store");
    else if (url.pathname.startsWith("/sets-cookie")) {
      res.setHeader("Cache-Control", PAGE);
      res.setHeader("Set-Cookie", "better-auth.session_token=abc; Path=/; HttpOnly");
    } else if (!url.pathname.startsWith("/no-header")) res.setHeader("Cache-Control", PAGE);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<html><body>${url.pathname}${BIG}</body></html>`);
  });
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

const SESSION = { Cookie: "theme=dark; better-auth.session_token=tok.sig" };
const SECURE_SESSION = { Cookie: "__Secure-better-auth.session_token=tok.sig" };
const KEY = { Authorization: "Bearer da_live_example" };

describe.skipIf(!nginxAvailable())("production front (deploy/nginx)", () => {
  const seen: Seen[] = [];
  const upstream = standIn(seen);
  let front: RunningNginx;
  let port: number;
  const hits = (path: string) => seen.filter((s) => s.path === path).length;

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const { port: upstreamPort } = upstream.address() as { port: number };
    port = await freePort();
    front = await startFront(port, `127.0.0.1:${upstreamPort}`);
  });
  afterAll(async () => {
    await front?.stop();
    await new Promise((resolve) => upstream.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  it("serves a public page from the cache after the first request", async () => {
    const first = await get(port, "/techniques/T1003");
    const second = await get(port, "/techniques/T1003");
    expect(first.headers["x-cache-status"]).toBe("MISS");
    expect(second.headers["x-cache-status"]).toBe("HIT");
    expect(second.body.toString()).toContain("/techniques/T1003");
    expect(hits("/techniques/T1003")).toBe(1);
  });

  it("caches answers without Cache-Control only through the short fallback", async () => {
    await get(port, "/no-header");
    expect((await get(port, "/no-header")).headers["x-cache-status"]).toBe("HIT");
    expect(hits("/no-header")).toBe(1);
  });

  it.each([
    ["a session cookie", SESSION],
    ["a __Secure- session cookie", SECURE_SESSION],
    ["an Authorization header", KEY],
  ])("requests with %s always reach the app and are never stored", async (_, headers) => {
    const path = `/techniques/T1059?${encodeURIComponent(JSON.stringify(headers))}`;
    for (let i = 0; i < 2; i++)
      expect((await get(port, path, headers)).headers["x-cache-status"]).toBe("BYPASS");
    expect(hits(path)).toBe(2);
    // Nothing was stored by those requests: the first anonymous one still goes to the app.
    expect((await get(port, path)).headers["x-cache-status"]).toBe("MISS");
    expect(hits(path)).toBe(3);
  });

  it("a signed-in request never gets a cached public page", async () => {
    await get(port, "/matrix");
    expect((await get(port, "/matrix")).headers["x-cache-status"]).toBe("HIT");
    expect((await get(port, "/matrix", SESSION)).headers["x-cache-status"]).toBe("BYPASS");
    expect(hits("/matrix")).toBe(2);
  });

  it.each(["/api/pro/T1003", "/api/v1/detections", "/account", "/billing/demo", "/sign-in"])(
    "%s always reaches the app, even when its answer says it may be cached",
    async (path) => {
      await get(port, path);
      await get(port, path);
      expect(hits(path)).toBe(2);
    },
  );

  it("does not store answers that are private or set a cookie", async () => {
    for (const path of ["/private/page", "/sets-cookie"]) {
      await get(port, path);
      await get(port, path);
      expect(hits(path)).toBe(2);
    }
  });

  it("appends the client address to X-Forwarded-For, so TRUSTED_PROXY_HOPS=1 finds it last", async () => {
    await get(port, "/api/health", { "X-Forwarded-For": "203.0.113.9" });
    expect(seen.at(-1)?.forwardedFor).toBe("203.0.113.9, 127.0.0.1");
  });

  it("compresses with gzip itself and asks the app for identity", async () => {
    const answer = await get(port, "/techniques/T1003.001", { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toContain("/techniques/T1003.001");
    expect(seen.at(-1)?.acceptEncoding).toBeUndefined();
  });
});
