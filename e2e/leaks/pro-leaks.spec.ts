// Canary strings live only in the fixture corpus's Pro files. They must not reach anyone
// without Pro: not in HTML, RSC payloads, static files, sitemap, feeds or APIs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { linkFromMail } from "../mail";

const CANARY = /CANARY-PRO-[A-Z_]+-7f3a9c/g;
const ALL_CANARIES = [
  "CANARY-PRO-RESPONSE_PLAYBOOK-7f3a9c",
  "CANARY-PRO-INVESTIGATION_GUIDE-7f3a9c",
  "CANARY-PRO-HUNTING_QUERIES-7f3a9c",
  "CANARY-PRO-TEST_COMMANDS-7f3a9c",
  "CANARY-PRO-TUNING_GUIDANCE-7f3a9c",
];
const DIST = path.resolve(".next-leaks");
const OUTBOX = "test-results/outbox-leaks";
const PASSWORD = "leak test passphrase";

const PAGES = [
  "/",
  "/techniques",
  "/techniques/T1059.001",
  "/techniques/T1059.001/elastic",
  "/techniques/T1059.001/splunk",
  "/platforms",
  "/platforms/elastic",
  "/pricing",
  "/sign-in",
  "/sign-up",
  "/account",
  "/techniques/T9999.999",
  "/sigma/T1059.001.yml",
  "/sitemap.xml",
  "/robots.txt",
  "/api/auth/get-session",
  "/api/pro/T1059.001",
  "/search",
  "/search?q=powershell",
  "/search-index.json",
  "/search/results?q=powershell",
  "/search/results?q=canary",
  "/search/results?q=7f3a9c",
  "/matrix",
  "/tools/sigma",
  "/matrix/elastic",
  "/navigator/coverage.json",
  "/navigator/gaps.json?platform=splunk",
];

/** Every response a visitor can get for the page list: HTML, RSC payloads and the Pro API. */
async function collectPublicOutput(
  request: APIRequestContext,
): Promise<Array<{ url: string; body: string }>> {
  const out: Array<{ url: string; body: string }> = [];
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const url of new Set([...PAGES, ...fromSitemap])) {
    out.push({ url, body: await (await request.get(url)).text() });
    const rsc = await request.get(url, { headers: { RSC: "1" } });
    out.push({ url: `${url} (RSC)`, body: await rsc.text() });
    const prefetch = await request.get(`${url}${url.includes("?") ? "&" : "?"}_rsc=leak`, {
      headers: { RSC: "1", "Next-Router-Prefetch": "1" },
    });
    out.push({ url: `${url} (RSC prefetch)`, body: await prefetch.text() });
  }
  // The Sigma converter API answers with queries and technique links for a posted rule.
  const rule = await (await request.get("/sigma/T1059.001.yml")).text();
  const converted = await request.post("/api/sigma/convert", {
    data: { rule, events: '{"CommandLine":"x"}' },
  });
  expect(converted.status()).toBe(200);
  out.push({ url: "/api/sigma/convert", body: await converted.text() });
  return out;
}

function expectNoCanary(outputs: Array<{ url: string; body: string }>) {
  const leaks = outputs.filter((o) => CANARY.test(o.body)).map((o) => o.url);
  expect(leaks).toEqual([]);
}

async function signUpVerifyAndSignIn(request: APIRequestContext, email: string) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const headers = { origin };
  expect(
    (
      await request.post("/api/auth/sign-up/email", {
        data: { name: "Leak", email, password: PASSWORD },
        headers,
      })
    ).ok(),
  ).toBe(true);
  const verify = await linkFromMail(email, /Verify/, OUTBOX);
  expect((await request.get(verify)).ok()).toBe(true);
  const signIn = await request.post("/api/auth/sign-in/email", {
    data: { email, password: PASSWORD },
    headers,
  });
  expect(signIn.status()).toBe(200);
}

test("the fixture Pro files really hold the canaries (the test can fail)", () => {
  const pro = path.resolve("tests/fixtures/content/techniques/T1059.001/pro");
  const text = fs
    .readdirSync(pro)
    .map((f) => fs.readFileSync(path.join(pro, f), "utf8"))
    .join("\n");
  for (const canary of ALL_CANARIES) expect(text).toContain(canary);
});

test("no canary anywhere in the build output", () => {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue; // links into node_modules for server externals
      if (entry.isDirectory()) {
        if (entry.name !== "cache") walk(full);
      } else if (fs.readFileSync(full).includes("CANARY-PRO-")) hits.push(path.relative(DIST, full));
    }
  };
  expect(fs.existsSync(path.join(DIST, "static"))).toBe(true);
  walk(DIST);
  expect(hits).toEqual([]);
});

test("the search index holds no Pro canary token", async ({ request }) => {
  // The index stores lower-cased tokens, so the canary's suffix is what would show.
  const body = (await (await request.get("/search-index.json")).text()).toLowerCase();
  expect(body).toContain("t1059");
  expect(body).not.toContain("7f3a9c");
});

test("the search endpoint finds public text but no Pro canary token", async ({ request }) => {
  const found = await (await request.get("/search/results?q=T1059")).text();
  expect(found.toLowerCase()).toContain("t1059");
  for (const q of ["canary", "7f3a9c", "canary-pro", "playbook"]) {
    const body = await (await request.get(`/search/results?q=${q}`)).text();
    expect(body.toLowerCase()).not.toContain("7f3a9c");
  }
});

test("anonymous visitors get no canary from any page, payload or API", async ({ request }) => {
  expect((await request.get("/api/pro/T1059.001")).status()).toBe(401);
  expectNoCanary(await collectPublicOutput(request));
});

test("signed-in Free users get no canary; Pro users get every section", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const email = `leaks-${Date.now()}@example.test`;
  await signUpVerifyAndSignIn(request, email);
  expect((await request.get("/api/pro/T1059.001")).status()).toBe(403);
  expectNoCanary(await collectPublicOutput(request));

  execFileSync("npx", ["tsx", "scripts/admin.ts", "grant-pro", email], { env: process.env });
  const pro = await request.get("/api/pro/T1059.001");
  expect(pro.status()).toBe(200);
  expect(pro.headers()["cache-control"]).toBe("private, no-store");
  const body = await pro.text();
  for (const canary of ALL_CANARIES) expect(body).toContain(canary);
  // The static page itself stays free of Pro text even for a Pro user.
  expect(await (await request.get("/techniques/T1059.001/elastic")).text()).not.toMatch(CANARY);

  execFileSync("npx", ["tsx", "scripts/admin.ts", "revoke-pro", email], { env: process.env });
  expect((await request.get("/api/pro/T1059.001")).status()).toBe(403);
  await request.dispose();
});
