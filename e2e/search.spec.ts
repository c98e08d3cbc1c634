import { expect, test } from "@playwright/test";
import { catalog } from "./content";
import { expectNoSeriousA11yViolations } from "./helpers";

test("type in search, filter by platform, open a result with the keyboard", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("searchbox", { name: "Search detections" });
  await box.fill("lsass");
  const results = page.getByTestId("search-results").getByRole("listitem");
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator("mark").first()).toHaveText(/lsass/i);
  await expect(page).toHaveURL(/\/search\?q=lsass$/);

  await page.getByLabel("Platform").selectOption("sentinel");
  await expect(page).toHaveURL(/platform=sentinel/);
  // The filtered answer comes from the server: count the results once the list is no longer busy.
  await expect(page.getByTestId("search-results")).toHaveAttribute("aria-busy", "false");
  const count = await results.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(results.nth(i)).toContainText("Microsoft Sentinel");

  // ↓ into the results, ↓ to the second, ↑ back, Enter opens the focused one.
  await box.press("ArrowDown");
  const links = page.getByTestId("search-results").getByRole("link");
  await expect(links.first()).toBeFocused();
  if (count > 1) {
    await page.keyboard.press("ArrowDown");
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press("ArrowUp");
  }
  await expect(links.first()).toBeFocused();
  const href = await links.first().getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href!.replace(".", "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Microsoft Sentinel");
});

test("a shared search URL restores the query and filters", async ({ page }) => {
  const t = catalog.techniques.find((x) => x.id === "T1218.011") ?? catalog.techniques[0]!;
  await page.goto(`/search?q=rundll32&platform=splunk`);
  await expect(page.getByRole("searchbox", { name: "Search detections" })).toHaveValue("rundll32");
  await expect(page.getByLabel("Platform")).toHaveValue("splunk");
  await expect(page.getByTestId("search-results").getByRole("link", { name: /./ }).first()).toHaveAttribute(
    "href",
    /\/splunk$/,
  );
  await expect(page.getByTestId("search-results")).toContainText(t.id);
});

test("the header search box goes to the search page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await page.getByRole("search").getByRole("searchbox").fill("SigninLogs");
  await page.getByRole("search").getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=SigninLogs/);
  await expect(page.getByTestId("search-results").getByRole("listitem").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
