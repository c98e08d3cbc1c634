// Pro through the local demo billing (no Stripe keys in the test environment): the same event and
// entitlement code as Stripe, driven through the real pages in Chromium. Each test covers one
// journey; accounts and subscriptions a journey starts from are made by fixtures, not by the browser.
import type { Page } from "@playwright/test";
import { sampleDetection } from "./content";
import {
  createVerifiedUser,
  expect,
  giveDemoSubscription,
  originOf,
  setPeriodEnd,
  signInByApi,
  test,
} from "./fixtures";

const { technique, platform } = sampleDetection();
const detectionPath = `/techniques/${technique.id}/${platform.id}`;
const DAY = 24 * 60 * 60 * 1000;

test.skip(!process.env.DATABASE_URL, "needs the PostgreSQL database the site uses (npm test provides it)");

/** Opens the detection page and waits for the Pro area to settle into the expected state. */
async function expectPro(page: Page, visible: boolean) {
  const proResponse = page.waitForResponse((r) => r.url().includes(`/api/pro/${technique.id}`));
  await page.goto(detectionPath);
  await proResponse;
  if (visible) await expect(page.getByTestId("pro-content")).toBeVisible();
  else {
    await expect(page.getByTestId("pro-teasers")).toBeVisible();
    await expect(page.getByTestId("pro-content")).toHaveCount(0);
  }
}

test("a visitor sees the plans, the demo note and the way to sign up", async ({ page }) => {
  await page.goto("/pricing");
  await expect(page.getByTestId("plan-comparison")).toContainText("Response playbook");
  await expect(page.getByRole("note")).toContainText("Demo billing");
  await expect(page.getByRole("link", { name: "Sign up to subscribe" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/pricing.png", fullPage: true });
});

test("a free user subscribes through the demo checkout and gets Pro", async ({ page }, info) => {
  const email = await createVerifiedUser(page.request, info, "subscribe");
  await signInByApi(page.request, info, email);

  await page.goto("/account");
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
  await expect(page.getByTestId("account-period")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await page.screenshot({ path: "test-results/screenshots/account-pro.png", fullPage: true });
  await expectPro(page, true);

  await page.goto("/pricing");
  await expect(page.getByRole("button", { name: "Manage subscription" })).toBeVisible();
});

test("a Pro user cancels in the portal and keeps Pro until the period end", async ({ page }, info) => {
  const email = await createVerifiedUser(page.request, info, "cancel");
  const periodEnd = new Date(Date.now() + 30 * DAY);
  await giveDemoSubscription(email, { periodEnd });
  await signInByApi(page.request, info, email);
  const renews = periodEnd.toISOString().slice(0, 10);

  await page.goto("/account");
  await expect(page.getByTestId("account-plan")).toHaveText("Pro");
  await page.getByRole("button", { name: "Manage subscription" }).click();
  await expect(page).toHaveURL(/\/billing\/demo\/portal$/);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByTestId("portal-status")).toHaveText("canceled, access until period end");
  await expect(page.getByTestId("portal-period")).toHaveText(renews);
  await page.screenshot({ path: "test-results/screenshots/demo-portal-canceled.png", fullPage: true });

  await page.goto("/account");
  await expect(page.getByTestId("account-plan")).toHaveText("Pro");
  await expect(page.getByText("Access ends")).toBeVisible();
  await expect(page.getByTestId("account-period")).toHaveText(renews);
  await expectPro(page, true);
});

test("a canceled subscription gives Pro until its period ends, then Free", async ({ page }, info) => {
  const email = await createVerifiedUser(page.request, info, "period-end");
  // An hour before the period ends: still Pro.
  await giveDemoSubscription(email, {
    periodEnd: new Date(Date.now() + 60 * 60 * 1000),
    cancelAtPeriodEnd: true,
  });
  await signInByApi(page.request, info, email);
  await expectPro(page, true);

  // The period has ended: Pro is gone, and the account says so.
  await setPeriodEnd(email, new Date(Date.now() - 60 * 1000));
  await expectPro(page, false);
  await page.goto("/account");
  await expect(page.getByTestId("account-plan")).toHaveText("Free");
  await expect(page.getByRole("link", { name: "Upgrade to Pro" })).toBeVisible();
});

test("billing endpoints refuse bad requests with 4xx", async ({ request }, info) => {
  const origin = originOf(info);
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
