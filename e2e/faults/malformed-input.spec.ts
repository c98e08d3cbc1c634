// Every route fed input no route should accept: each answers a 4xx that says what was wrong,
// with the security headers, writes nothing, and leaves the server answering.
import { expect, test } from "@playwright/test";
import {
  SITE,
  TECHNIQUE,
  expectClearRefusal,
  expectSecurityHeaders,
  postChunked,
  rowCounts,
} from "./support";

const SAME_ORIGIN = { origin: SITE };
let before: Record<string, number>;

test.beforeEach(async () => {
  before = await rowCounts();
});
test.afterEach(async () => {
  expect(await rowCounts(), "rows written by refused requests").toEqual(before);
});

test("malformed percent-escapes answer 400, not 500", async ({ request }) => {
  for (const path of ["/sigma/%", "/api/pro/%", "/techniques/%E0%A4%A", "/techniques/T1059.001/%zz", "/%"]) {
    const response = await request.get(path);
    await expectClearRefusal(response, 400);
  }
});

test("unknown ids and encoded traversal answer 404 without leaking files", async ({ request }) => {
  for (const path of [
    "/techniques/T9999",
    "/techniques/T1059.001/no-such-platform",
    "/matrix/no-such-platform",
    "/platforms/no-such-platform",
    "/sigma/T9999.yml",
    "/sigma/..%2f..%2fetc%2fpasswd",
    "/sigma/..%2f..%2f.env",
    "/techniques/..%2f..%2fpackage.json",
    "/api/pro/T9999",
    "/api/pro/..%2f..%2fetc%2fpasswd",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    const body = await response.text();
    expect(body, path).not.toContain("root:");
    expect(body, path).not.toContain('"dependencies"');
    expectSecurityHeaders(response);
  }
  await expectClearRefusal(await request.get("/navigator/coverage.json?platform=no-such-platform"), 400);
});

test("10 KB query strings are ignored or refused, never a 500", async ({ request }) => {
  const long = "a".repeat(10 * 1024);
  for (const path of ["/", "/search", `/techniques/${TECHNIQUE}`, "/pricing", "/api/health"]) {
    const response = await request.get(`${path}?q=${long}`);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response);
  }
  await expectClearRefusal(await request.get(`/navigator/gaps.json?platform=${long}`), 400);
  expect((await request.get(`/api/pro/${TECHNIQUE}?q=${long}`)).status()).toBe(401);
});

test("wrong methods answer 405 with Allow", async ({ request }) => {
  for (const path of [
    "/",
    "/pricing",
    `/techniques/${TECHNIQUE}`,
    "/sigma/T1059.001.yml",
    "/search-index.json",
  ]) {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch(path, { method, headers: SAME_ORIGIN, data: "x=1" });
      await expectClearRefusal(response, 405);
      expect(response.headers()["allow"], `${method} ${path}`).toBe("GET, HEAD");
    }
  }
  for (const [method, path] of [
    ["DELETE", "/api/health"],
    ["PUT", "/api/billing/checkout"],
    ["GET", "/api/billing/webhook"],
    ["DELETE", `/api/pro/${TECHNIQUE}`],
    ["PUT", "/api/sigma/convert"],
  ] as const) {
    const response = await request.fetch(path, { method, headers: SAME_ORIGIN });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expectSecurityHeaders(response);
  }
});

test("invalid JSON and wrong shapes answer 400", async ({ request }) => {
  const json = { ...SAME_ORIGIN, "content-type": "application/json" };
  await expectClearRefusal(await request.post("/api/sigma/convert", { headers: json, data: "{" }), 400);
  await expectClearRefusal(await request.post("/api/sigma/convert", { headers: json, data: "[]" }), 400);
  const signUp = await request.post("/api/auth/sign-up/email", { headers: json, data: "{" });
  expect(signUp.status()).toBeGreaterThanOrEqual(400);
  expect(signUp.status()).toBeLessThan(500);
  const shape = await request.post("/api/auth/sign-up/email", { headers: SAME_ORIGIN, data: { email: 5 } });
  expect(shape.status()).toBeGreaterThanOrEqual(400);
  expect(shape.status()).toBeLessThan(500);
  // 400 with Stripe keys (no valid signature); in the demo billing mode there is no webhook (404).
  await expectClearRefusal(await request.post("/api/billing/webhook", { headers: json, data: "{" }));
  const checkout = await request.post("/api/billing/checkout", {
    headers: SAME_ORIGIN,
    form: { interval: "weekly" },
  });
  await expectClearRefusal(checkout, 400);
});

test("oversized bodies answer 413, declared or chunked", async ({ request }) => {
  const big = "a".repeat(2 * 1024 * 1024);
  const form = { ...SAME_ORIGIN, "content-type": "application/x-www-form-urlencoded" };
  const json = { ...SAME_ORIGIN, "content-type": "application/json" };
  for (const [path, headers] of [
    ["/api/billing/checkout", form],
    ["/api/billing/portal", form],
    ["/api/auth/sign-up/email", json],
    ["/api/billing/webhook", json],
    ["/api/sigma/convert", json],
    ["/billing/demo/checkout", { ...form, "next-action": "0".repeat(40) }],
  ] as const) {
    await expectClearRefusal(await request.post(path, { headers, data: `interval=monthly&x=${big}` }), 413);
  }
  for (const [path, headers] of [
    ["/api/billing/checkout", form],
    ["/api/auth/sign-up/email", json],
    ["/api/billing/webhook", json],
  ] as const) {
    const response = await postChunked(path, headers, 8 * 1024 * 1024);
    expect(response.status, `chunked ${path}: ${response.body}`).toBe(413);
  }
  expect((await request.get("/api/health", { timeout: 1000 })).status()).toBe(200);
});

test("a server action from another origin answers 403 with a message", async ({ request }) => {
  const response = await request.post("/billing/demo/checkout", {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(40), "content-type": "text/plain" },
    data: "[]",
  });
  await expectClearRefusal(response, 403);
  expect(await response.text()).toContain("cross-site");
});
