// Account steps shared by the e2e specs: make a verified user and sign in through the real forms.
import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { linkFromMail } from "./mail";

export const PASSWORD = "correct horse battery";

export function uniqueEmail(tag: string) {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** The admin command, run as an operator would (tsx directly: `npx` resolution costs seconds). */
export function admin(...args: string[]) {
  return execFileSync("node_modules/.bin/tsx", ["scripts/admin.ts", ...args], {
    encoding: "utf8",
    env: process.env,
  });
}

export async function signUpAndVerify(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Analyst");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await page.goto(await linkFromMail(email, /Verify your Detection Atlas email/));
  await expect(page).toHaveURL(/\/sign-in\?verified=1/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}
