// Pro through the local demo billing (no Stripe keys in the test environment): the same event and
// entitlement code as Stripe, driven through the real pages in Chromium.
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { sampleDetection } from "./content";
import { signIn, signUpAndVerify, uniqueEmail } from "./accounts";

const { technique, platform } = sampleDetection();
const detectionPath = `/techniques/${technique.id}/${platform.id}`;

/**
 * The test's clock: instead of waiting a month, move the subscription's period end to a moment
 * relative to now, as if that much time had passed. The site reads the real clock.
 */
async function setPeriodEnd(email: string, end: Date) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE subscription SET "currentPeriodEnd" = $1 WHERE "userId" = (SELECT id FROM "user" WHERE email = $2)`,
      [end, email],
    );
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

async function expectPro(page: Page, visible: boolean) {
  await page.goto(detectionPath);
  if (visible) await expect(page.getByTestId("pro-content")).toBeVisible();
  else {
    await expect(page.getByTestId("pro-teasers")).toBeVisible();
    await expect(page.getByTestId("pro-content")).toHaveCount(0);
  }
}

test("pricing → subscribe → Pro → cancel → access until period end → Free", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "needs the PostgreSQL database the site uses (npm test provides it)");
  const email = uniqueEmail("billing");

  await page.goto("/pricing");
  await expect(page.getByTestId("plan-comparison")).toContainText("Response playbook");
  await expect(page.getByRole("note")).toContainText("Demo billing");
  await expect(page.getByRole("link", { name: "Sign up to subscribe" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/pricing.png", fullPage: true });

  await signUpAndVerify(page, email);
  await signIn(page, email);
  await expect(page.getByTestId("account-plan")).toHaveText("Free");
  await page.getByRole("link", { name: "Upgrade to Pro" }).click();
  await expect(page).toHaveURL(/\/pricing$/);
  await page.getByRole("button", { name: /Subscribe monthly/ }).click();

  await expect(page).toHaveURL(/\/billing\/demo\/checkout\?interval=monthly/);
  await expect(page.getByRole("heading", { name: "Demo checkout" })).toBeVisible();
  await page.getByRole("button", { name: "Start demo subscription" }).click();

  await expect(page).toHaveURL(/\/account\?checkout=success/);
  await expect(page.getByTestId("account-plan")).toHaveText("Pro");
  await expect(page.getByTestId("account-status")).toHaveText("active");
  const renews = await page.getByTestId("account-period").textContent();
  expect(renews).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.screenshot({ path: "test-results/screenshots/account-pro.png", fullPage: true });
  await expectPro(page, true);

  await page.goto("/pricing");
  await expect(page.getByRole("button", { name: "Manage subscription" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Manage subscription" }).click();
  await expect(page).toHaveURL(/\/billing\/demo\/portal$/);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByTestId("portal-status")).toHaveText("canceled, access until period end");
  await expect(page.getByTestId("portal-period")).toHaveText(renews!);
  await page.screenshot({ path: "test-results/screenshots/demo-portal-canceled.png", fullPage: true });

  await page.goto("/account");
  await expect(page.getByTestId("account-plan")).toHaveText("Pro");
  await expect(page.getByText("Access ends")).toBeVisible();
  await expect(page.getByTestId("account-period")).toHaveText(renews!);
  await expectPro(page, true);

  // An hour before the period ends: still Pro.
  await setPeriodEnd(email, new Date(Date.now() + 60 * 60 * 1000));
  await expectPro(page, true);
  // The period has ended: Pro is gone, and the account says so.
  await setPeriodEnd(email, new Date(Date.now() - 60 * 1000));
  await expectPro(page, false);
  await page.goto("/account");
  await expect(page.getByTestId("account-plan")).toHaveText("Free");
  await expect(page.getByRole("link", { name: "Upgrade to Pro" })).toBeVisible();
});

test("billing endpoints refuse bad requests with 4xx", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // No Stripe keys here: there is no webhook to receive.
  expect((await request.post("/api/billing/webhook", { data: "{}" })).status()).toBe(404);
  // Cross-site form posts are refused.
  const crossSite = await request.post("/api/billing/checkout", {
    form: { interval: "monthly" },
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const badInterval = await request.post("/api/billing/checkout", {
    form: { interval: "weekly" },
    headers: { origin },
  });
  expect(badInterval.status()).toBe(400);
  // Anonymous visitors are sent to sign up first.
  const anonymous = await request.post("/api/billing/checkout", {
    form: { interval: "yearly" },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers().location).toContain("/sign-up");
  expect((await request.get("/billing/demo/portal", { maxRedirects: 0 })).status()).toBe(307);
});
