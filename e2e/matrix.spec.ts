import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { navigatorLayerSchema } from "@/lib/coverage/navigator-layer-schema";
import { catalog } from "./content";
import { expectNoSeriousA11yViolations } from "./helpers";

const withSentinel = catalog.techniques.find((t) => t.detections.some((d) => d.platform === "sentinel"))!;

test("open the matrix, filter by platform, follow a covered cell", async ({ page }) => {
  await page.goto("/matrix");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ATT&CK coverage");
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(14);
  const cell = page.locator(`[data-testid=matrix-cell][data-technique="${withSentinel.id}"]`).first();
  await expect(cell).toContainText(`${withSentinel.detections.length}/${catalog.platforms.length}`);

  // The filtered matrix is a large page: wait for the navigation itself, not a 5 s URL poll.
  await Promise.all([
    page.waitForURL(/\/matrix\/sentinel$/),
    page
      .getByRole("navigation", { name: "Filter by platform" })
      .getByRole("link", { name: "Microsoft Sentinel" })
      .click(),
  ]);
  await expect(page.getByRole("link", { name: "Microsoft Sentinel", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const filtered = page.locator(`[data-testid=matrix-cell][data-technique="${withSentinel.id}"]`).first();
  await expect(filtered).toContainText("1/1");
  await Promise.all([
    page.waitForURL(new RegExp(`/techniques/${withSentinel.id.replace(".", "\\.")}$`)),
    filtered.click(),
  ]);
});

test("uncovered techniques link to ATT&CK; the matrix is readable on a phone", async ({ page }) => {
  test.setTimeout(120_000); // axe over ~900 cells
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/matrix");
  const uncovered = page.locator("[data-testid=matrix-cell][data-covered='0']").first();
  await expect(uncovered).toHaveAttribute("href", /^https:\/\/attack\.mitre\.org\/techniques\//);
  // List view: no sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/matrix-phone.png" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/matrix-desktop.png" });
  await expectNoSeriousA11yViolations(page);
});

test("download the Navigator layers from the matrix page", async ({ page, request }) => {
  await page.goto("/matrix/splunk");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Navigator layer: coverage" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("detection-atlas-coverage-splunk.json");
  const layer = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(navigatorLayerSchema.safeParse(layer).error?.issues ?? []).toEqual([]);
  const splunkTechniques = catalog.techniques.filter((t) =>
    t.detections.some((d) => d.platform === "splunk"),
  );
  expect(layer.techniques.map((t: { techniqueID: string }) => t.techniqueID).sort()).toEqual(
    splunkTechniques.map((t) => t.id).sort(),
  );

  const gaps = await request.get("/navigator/gaps.json");
  expect(gaps.status()).toBe(200);
  expect(navigatorLayerSchema.safeParse(await gaps.json()).success).toBe(true);
  const bad = await request.get("/navigator/coverage.json?platform=nope");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/Unknown platform "nope"/);
});
