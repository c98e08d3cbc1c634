import { createVerifiedUser, expect, giveDemoSubscription, signInByApi, test } from "./fixtures";
import { sampleDetection } from "./content";
import { admin, signIn, signUpAndVerify, uniqueEmail } from "./accounts";
import { linkFromMail } from "./mail";

const { technique, platform } = sampleDetection();
const detectionPath = `/techniques/${technique.id}/${platform.id}`;
test("sign up in the browser, verify through the emailed link, sign in", async ({ page }) => {
  const email = uniqueEmail("journey");
  await signUpAndVerify(page, email);
  await signIn(page, email);
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await expect(page.getByTestId("account-plan")).toHaveText("Free");
});

test("a free user sees locked Pro; Pro granted by the admin command unlocks it", async ({ page }, info) => {
  const email = await createVerifiedUser(page.request, info, "grant");
  await signInByApi(page.request, info, email);

  await page.goto(detectionPath);
  await expect(page.getByRole("link", { name: "Upgrade to Pro" })).toBeVisible();
  await expect(page.getByTestId("pro-teasers")).toBeVisible();
  await expect(page.getByTestId("pro-content")).toHaveCount(0);

  expect(admin("grant-pro", email)).toContain("Granted Pro");
  await page.reload();
  await expect(page.getByTestId("pro-content")).toBeVisible();
  await expect(
    page.getByTestId("pro-content").getByRole("heading", { name: /Response playbook/ }),
  ).toBeVisible();
  await expect(page.getByTestId("pro-content").locator("pre.shiki").first()).toBeVisible();
});

test("signing out locks Pro again", async ({ page }, info) => {
  const email = await createVerifiedUser(page.request, info, "sign-out");
  await giveDemoSubscription(email, { periodEnd: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000) });
  await signInByApi(page.request, info, email);

  await page.goto("/account");
  await expect(page.getByTestId("account-plan")).toHaveText("Pro");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto(detectionPath);
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expect(page.getByTestId("pro-content")).toHaveCount(0);
});

test("sign-in is throttled after repeated failures", async ({ request }) => {
  const email = uniqueEmail("throttle");
  // A client address of its own, so this test's bucket does not throttle the other tests.
  const headers = {
    "x-forwarded-for": `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    origin: new URL(test.info().project.use.baseURL!).origin,
  };
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await request.post("/api/auth/sign-in/email", {
      data: { email, password: `wrong-${i}-password` },
      headers,
    });
    statuses.push(r.status());
  }
  expect(
    statuses.every((s) => s === 401),
    statuses.join(","),
  ).toBe(true);
  const blocked = await request.post("/api/auth/sign-in/email", {
    data: { email, password: "wrong-again-password" },
    headers,
  });
  expect(blocked.status()).toBe(429);
});

test("sign-in and reset answers do not reveal whether an account exists", async ({ request }) => {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const headers = { "x-forwarded-for": "10.77.0.1", origin };
  const unknown = await request.post("/api/auth/sign-in/email", {
    data: { email: uniqueEmail("nobody"), password: "whatever-password" },
    headers,
  });
  expect(unknown.status()).toBe(401);
  const reset = await request.post("/api/auth/request-password-reset", {
    data: { email: uniqueEmail("nobody"), redirectTo: "/reset-password" },
    headers,
  });
  expect(reset.status()).toBe(200);
});

test("password reset through the emailed link", async ({ page }) => {
  const email = uniqueEmail("reset");
  await signUpAndVerify(page, email);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("we have sent it a link");
  await page.goto(await linkFromMail(email, /Reset your Detection Atlas password/));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel(/New password/).fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");
  await signIn(page, email, "a brand new passphrase");
});

test("state-changing auth requests from another origin are refused", async ({ request }) => {
  const r = await request.post("/api/auth/sign-in/email", {
    data: { email: "a@example.test", password: "whatever-password" },
    headers: { origin: "https://evil.example", "x-forwarded-for": "10.88.0.1" },
  });
  expect(r.status()).toBe(403);
});

test("security headers on every response", async ({ request }) => {
  for (const url of ["/", detectionPath, `/sigma/${technique.id}.yml`, "/api/auth/get-session"]) {
    const h = (await request.get(url)).headers();
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  }
});
