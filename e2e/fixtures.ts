// Test fixtures: state that does not need a browser (accounts, subscriptions) is made through the
// site's own HTTP API and the database, so each browser test spends its time on the journey it is
// about, and waits on events (a response, an element) rather than on fixed delays.
import pg from "pg";
import { expect, test as base, type APIRequestContext, type TestInfo } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./accounts";
import { linkFromMail } from "./mail";

/**
 * Each test gets its own client address. The e2e server trusts one proxy hop (as it would behind a
 * load balancer), so the per-address rate limits of sign-in and sign-up apply per test instead of
 * to the whole suite at once, which would make tests fail depending on what ran in the same minute.
 */
function clientAddress(info: TestInfo): string {
  let hash = 0;
  for (const ch of `${info.file}:${info.title}:${info.repeatEachIndex}:${info.retry}`)
    hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.${(hash >>> 16) & 0xff}.${(hash >>> 8) & 0xff}.${(hash & 0xfe) + 1}`;
}

export function originOf(info: TestInfo): string {
  return new URL(info.project.use.baseURL!).origin;
}

/** Runs one SQL statement against the database the site uses (npm test provides DATABASE_URL). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** Signs up through the auth API and follows the verification link from the outbox. */
export async function createVerifiedUser(request: APIRequestContext, info: TestInfo, tag: string) {
  const email = uniqueEmail(tag);
  const signUp = await request.post("/api/auth/sign-up/email", {
    data: { name: "Analyst", email, password: PASSWORD, callbackURL: "/sign-in?verified=1" },
    headers: { origin: originOf(info) },
  });
  expect(signUp.status(), await signUp.text()).toBe(200);
  const verify = await request.get(await linkFromMail(email, /Verify your Detection Atlas email/), {
    maxRedirects: 0,
  });
  expect(verify.status(), "verification link redirects").toBeGreaterThanOrEqual(300);
  expect(verify.status()).toBeLessThan(400);
  return email;
}

/** Signs in through the auth API; the session cookie lands in the context that made the request. */
export async function signInByApi(request: APIRequestContext, info: TestInfo, email: string) {
  const response = await request.post("/api/auth/sign-in/email", {
    data: { email, password: PASSWORD },
    headers: { origin: originOf(info) },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * Gives the user the subscription the demo checkout creates (source "local", the ids the demo
 * portal looks up), without going through the checkout pages another test already covers.
 */
export async function giveDemoSubscription(
  email: string,
  state: { periodEnd: Date; cancelAtPeriodEnd?: boolean },
) {
  const result = await sql(
    `INSERT INTO subscription (id, "userId", plan, status, source, "currentPeriodEnd", "cancelAtPeriodEnd",
       "stripeCustomerId", "stripeSubscriptionId", "lastEventAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), id, 'pro', 'active', 'local', $2, $3, 'cus_local_' || id, 'sub_local_' || id,
       now(), now(), now()
     FROM "user" WHERE email = $1`,
    [email, state.periodEnd, state.cancelAtPeriodEnd ?? false],
  );
  expect(result.rowCount).toBe(1);
}

/**
 * The test's clock: instead of waiting a month, move the subscription's period end to a moment
 * relative to now, as if that much time had passed. The site reads the real clock.
 */
export async function setPeriodEnd(email: string, end: Date) {
  const result = await sql(
    `UPDATE subscription SET "currentPeriodEnd" = $1 WHERE "userId" = (SELECT id FROM "user" WHERE email = $2)`,
    [end, email],
  );
  expect(result.rowCount).toBe(1);
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, info) => {
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": clientAddress(info) });
  },
});

export { expect };
