// The Pro canaries (tests/fixtures/content/**/pro) must not reach anonymous or free callers through
// the JSON API, the OpenAPI document, the exports (zips read entry by entry) or the feeds.
import { execFileSync } from "node:child_process";
import { strFromU8, unzipSync } from "fflate";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { linkFromMail } from "../mail";

const CANARY = /CANARY-PRO-[A-Z_]+-7f3a9c/;
const OUTBOX = "test-results/outbox-leaks";
const PASSWORD = "leak test passphrase";
const PACKS = ["elastic", "splunk", "sentinel", "defender-xdr", "secops", "logscale"];

/** Every API, export and feed answer, with zips expanded so compressed text is read too. */
async function collect(request: APIRequestContext): Promise<Array<{ url: string; body: string }>> {
  const out: Array<{ url: string; body: string }> = [];
  const get = async (url: string) => {
    const res = await request.get(url);
    const bytes = await res.body();
    if (res.headers()["content-type"] === "application/zip") {
      for (const [name, data] of Object.entries(unzipSync(new Uint8Array(bytes))))
        out.push({ url: `${url} → ${name}`, body: strFromU8(data) });
    } else out.push({ url, body: bytes.toString("utf8") });
    return res;
  };
  for (const url of [
    "/api/v1/openapi.json",
    "/api/v1/techniques",
    "/api/v1/techniques/T1059.001",
    "/api/v1/techniques?tactic=execution&limit=1",
    "/api/v1/nosuch",
    "/feeds/rss.xml",
    "/feeds/atom.xml",
    "/feeds/feed.json",
    "/docs/api",
    "/api/v1/exports/sigma.zip",
  ])
    await get(url);
  const detections = (await (await get("/api/v1/detections")).json()) as { data: Array<{ id: string }> };
  expect(detections.data.length).toBeGreaterThan(0);
  for (const d of detections.data) await get(`/api/v1/detections/${d.id}`);
  for (const pack of PACKS) expect([401, 403]).toContain((await get(`/api/v1/exports/${pack}.zip`)).status());
  return out;
}

function expectNoCanary(outputs: Array<{ url: string; body: string }>) {
  expect(outputs.filter((o) => CANARY.test(o.body)).map((o) => o.url)).toEqual([]);
}

test("anonymous callers get no canary from the API, exports or feeds", async ({ request }) => {
  const outputs = await collect(request);
  expect(outputs.some((o) => o.url.includes("sigma.zip → rules/T1059.001.yml"))).toBe(true);
  expectNoCanary(outputs);
});

test("free users get no canary; Pro packs open for Pro and still carry no Pro text", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const email = `api-leaks-${Date.now()}@example.test`;
  const headers = { origin: new URL(baseURL!).origin };
  expect(
    (
      await request.post("/api/auth/sign-up/email", {
        data: { name: "Leak", email, password: PASSWORD },
        headers,
      })
    ).ok(),
  ).toBe(true);
  expect((await request.get(await linkFromMail(email, /Verify/, OUTBOX))).ok()).toBe(true);
  expect(
    (
      await request.post("/api/auth/sign-in/email", { data: { email, password: PASSWORD }, headers })
    ).status(),
  ).toBe(200);

  expect((await request.get("/api/v1/exports/elastic.zip")).status()).toBe(403);
  expectNoCanary(await collect(request));

  execFileSync("npx", ["tsx", "scripts/admin.ts", "grant-pro", email], { env: process.env });
  const elastic = await request.get("/api/v1/exports/elastic.zip");
  expect(elastic.status()).toBe(200);
  const files = unzipSync(new Uint8Array(await elastic.body()));
  expect(Object.keys(files)).toContain("rules.ndjson");
  for (const data of Object.values(files)) expect(strFromU8(data)).not.toMatch(CANARY);
  // The API itself is keyed: a Pro browser session does not turn anonymous API answers into Pro ones.
  expect(await (await request.get("/api/v1/techniques/T1059.001")).text()).not.toMatch(CANARY);
  execFileSync("npx", ["tsx", "scripts/admin.ts", "revoke-pro", email], { env: process.env });
  expect((await request.get("/api/v1/exports/elastic.zip")).status()).toBe(403);
  await request.dispose();
});
