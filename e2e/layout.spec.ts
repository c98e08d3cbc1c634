// Layout stability (issue 16): the header is one row that fits from phone to wide desktop, and no
// page moves after it loads: the session, the theme and the Pro state arrive into reserved space.
import type { Page } from "@playwright/test";
import { createVerifiedUser, expect, signInByApi, test } from "./fixtures";
import { sampleDetection } from "./content";

const { technique, platform } = sampleDetection();
const detectionPath = `/techniques/${technique.id}/${platform.id}`;
const CLS_LIMIT = 0.02;

/**
 * Cumulative layout shift as Lighthouse counts it for a load: the sum of layout-shift entries not
 * caused by recent input, read from the buffered Layout Instability API entries in the page.
 */
async function layoutShift(page: Page): Promise<{ total: number; sources: string[] }> {
  return page.evaluate(async () => {
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: Array<{ node?: Node | null }>;
    };
    // Two frames, so the last DOM change the caller waited for has been laid out and recorded.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    // observe() with buffered puts the entries so far in the observer's buffer; takeRecords reads it.
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: "layout-shift", buffered: true });
    const shifts = (observer.takeRecords() as Shift[]).filter((e) => !e.hadRecentInput);
    observer.disconnect();
    const sources = shifts.flatMap((e) =>
      (e.sources ?? []).map((s) => {
        const el = s.node instanceof Element ? s.node : s.node?.parentElement;
        return `${e.value.toFixed(4)} ${el?.tagName ?? "?"}#${el?.id ?? ""}.${String(el?.className ?? "")}`;
      }),
    );
    return { total: shifts.reduce((sum, e) => sum + e.value, 0), sources };
  });
}

/** Waits for the per-visitor parts to settle: the header's account slot, and the Pro state. */
async function settled(page: Page, signedIn: boolean) {
  const slot = page.getByTestId("account-slot");
  if (signedIn) await expect(slot.getByTestId("account-link")).toBeVisible();
  else await expect(slot.getByRole("link", { name: "Sign in" })).toBeVisible();
  const pro = page.getByTestId("pro-state");
  if ((await pro.count()) > 0) await expect(pro).not.toContainText("Checking your access");
}

for (const width of [320, 390, 1366, 1920]) {
  test(`the header fits in one row at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    await settled(page, false);
    const header = page.getByRole("banner");
    const box = await header.boundingBox();
    // One row: the header is as tall as its fixed row (h-14 plus the border), at every width.
    expect(box?.height).toBeLessThanOrEqual(57);
    const overflow = await page.evaluate(() => {
      const row = document.querySelector("header > div")!;
      const rowBox = row.getBoundingClientRect();
      const clipped = [...row.querySelectorAll("a, button, summary, input")]
        // Rendered controls only: not the wide-screen nav on a phone, not the closed menu's links.
        .filter((el) => el.checkVisibility())
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.right > rowBox.right + 0.5 || r.left < rowBox.left - 0.5 || r.bottom > rowBox.bottom + 0.5;
        })
        .map((el) => el.textContent?.trim() || el.tagName);
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        row: row.scrollWidth - row.clientWidth,
        clipped,
      };
    });
    expect(overflow.page, "the page scrolls sideways").toBeLessThanOrEqual(0);
    expect(overflow.row, "the header row overflows").toBeLessThanOrEqual(0);
    expect(overflow.clipped, "header controls outside the row").toEqual([]);
  });
}

for (const [name, path] of [
  ["home", "/"],
  ["a detection page", detectionPath],
  ["pricing", "/pricing"],
] as const) {
  test(`${name} does not shift after load, signed out`, async ({ page }) => {
    await page.goto(path);
    await settled(page, false);
    const cls = await layoutShift(page);
    expect(cls.total, cls.sources.join("\n")).toBeLessThanOrEqual(CLS_LIMIT);
  });
}

test("a detection page does not shift after load, signed in", async ({ page }, info) => {
  const email = await createVerifiedUser(page.request, info, "layout");
  await signInByApi(page.request, info, email);
  await page.goto(detectionPath);
  await settled(page, true);
  await expect(page.getByRole("link", { name: "Upgrade to Pro" })).toBeVisible();
  const cls = await layoutShift(page);
  expect(cls.total, cls.sources.join("\n")).toBeLessThanOrEqual(CLS_LIMIT);
});

test("on a phone the menu holds every section link and opens over the page", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("/");
  const before = await page.getByRole("main").boundingBox();
  await page.getByText("Menu", { exact: true }).click();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Techniques", "Platforms", "Matrix", "Search", "Sigma converter", "Pricing"])
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  expect((await page.getByRole("main").boundingBox())?.y).toBe(before?.y);
});

test("favicon, app icons and the page type's social card; og:url and canonical never on localhost", async ({
  page,
  request,
}) => {
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
    ["/apple-icon.png", "image/png"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
  }
  for (const [path, card] of [
    ["/", "home"],
    [detectionPath, "detection"],
    [`/techniques/${technique.id}`, "technique"],
    ["/matrix", "matrix"],
    ["/pricing", "pricing"],
  ] as const) {
    await page.goto(path);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(new URL(image!).pathname, path).toBe(`/social/${card}.png`);
    const png = await request.get(new URL(image!).pathname);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    for (const url of [
      await page.locator('meta[property="og:url"]').getAttribute("content"),
      await page.locator('link[rel="canonical"]').getAttribute("href"),
    ]) {
      expect(url, path).toMatch(/^https?:\/\//);
      expect(new URL(url!).hostname, path).not.toBe("localhost");
      expect(new URL(url!).pathname, path).toBe(path);
    }
  }
});
