// The database stops while the server runs: public pages keep answering, the Pro section says it
// could not check, accounts and pricing answer 503 with Retry-After, and all of it recovers.
import { expect, test } from "@playwright/test";
import {
  DETECTION_PAGE,
  SITE,
  TECHNIQUE,
  cutDatabase,
  expectSecurityHeaders,
  restoreDatabase,
  signedInUser,
} from "./support";

test.afterEach(async () => {
  await restoreDatabase();
});

test("database down: public pages stay up, accounts answer 503, and everything recovers", async ({
  page,
}) => {
  const request = page.request; // shares the browser's cookies
  await signedInUser(request, "db-down");
  expect((await request.get("/api/health?db=1")).status()).toBe(200);

  await cutDatabase();
  // The proxy trusts a successful database probe for a second (TRUST_UP_MS), so the first
  // gated request may still be let through; from then on the outage must be a 503.
  await expect.poll(async () => (await request.get("/pricing")).status(), { timeout: 10_000 }).toBe(503);

  for (const path of [
    "/",
    "/techniques",
    `/techniques/${TECHNIQUE}`,
    DETECTION_PAGE,
    "/matrix",
    "/sigma/T1059.001.yml",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }

  const health = await request.get("/api/health", { timeout: 1000 });
  expect(health.status()).toBe(200);
  const deep = await request.get("/api/health?db=1");
  expect(deep.status()).toBe(503);
  expect(deep.headers()["retry-after"]).toBeTruthy();

  const pro = await request.get(`/api/pro/${TECHNIQUE}`);
  expect(pro.status()).toBe(503);
  expect(pro.headers()["retry-after"]).toBeTruthy();

  for (const path of ["/pricing", "/account"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(503);
    expect(response.headers()["retry-after"], path).toBeTruthy();
    expect(response.headers()["content-type"], path).toContain("text/html");
    expect(await response.text(), path).toContain("briefly unavailable");
    expectSecurityHeaders(response);
  }
  const session = await request.get("/api/auth/get-session");
  expect(session.status()).toBe(503);
  expect(session.headers()["retry-after"]).toBeTruthy();
  expect((await session.json()).error).toContain("unavailable");
  const signIn = await request.post("/api/auth/sign-in/email", {
    headers: { origin: SITE },
    data: { email: "nobody@example.test", password: "correct horse battery" },
  });
  expect(signIn.status()).toBe(503);

  // The public API answers anonymous callers from content; a key needs the database: 503, not 500.
  expect((await request.get("/api/v1/techniques")).status()).toBe(200);
  const keyed = await request.get("/api/v1/techniques", {
    headers: { authorization: `Bearer da_live_${"A".repeat(43)}` },
  });
  expect(keyed.status()).toBe(503);
  expect(keyed.headers()["retry-after"]).toBeTruthy();
  expect((await keyed.json()).error.code).toBe("service_unavailable");

  // The detection page itself is static; its Pro section asks /api/pro and shows the retry message.
  await page.goto(DETECTION_PAGE);
  await expect(page.getByTestId("pro-state").getByRole("alert")).toContainText(
    "We could not load your Pro content just now.",
  );

  await restoreDatabase();
  // The pool's old connections were cut; the first query after the return may still meet one.
  await expect
    .poll(async () => (await request.get("/api/health?db=1")).status(), { timeout: 15_000 })
    .toBe(200);
  await expect.poll(async () => (await request.get("/pricing")).status(), { timeout: 15_000 }).toBe(200);
  expect((await request.get("/account")).status()).toBe(200);
  expect((await request.get(`/api/pro/${TECHNIQUE}`)).status()).toBe(403); // signed in, Free plan
  await page.goto(DETECTION_PAGE);
  await expect(page.getByTestId("pro-state")).toContainText("You are on the Free plan.");
});
