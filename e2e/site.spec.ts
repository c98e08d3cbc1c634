import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { catalog, sampleDetection } from "./content";
import { expectNoSeriousA11yViolations } from "./helpers";

const { technique, detection, platform } = sampleDetection();
const detectionPath = `/techniques/${technique.id}/${platform.id}`;
const sigmaSchemaDir = process.env.SIGMA_SCHEMA_DIR ?? path.resolve("../shared/sigma");

test("home → technique → detection page with every section", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("counts")).toContainText(String(catalog.techniques.length));

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Techniques" }).click();
  await expect(page).toHaveURL(/\/techniques$/);
  await page
    .getByRole("link", {
      name: new RegExp(`^${technique.parent_name ? `${technique.parent_name}: ` : ""}${technique.name}$`),
    })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/techniques/${technique.id.replace(".", "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(technique.name);

  await page.getByRole("link", { name: platform.name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`${detectionPath.replace(".", "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Detect ${technique.name} in ${platform.name}`,
  );

  await expect(page.getByTestId("attack-box")).toContainText(technique.id);
  await expect(
    page.getByTestId("attack-box").getByRole("link", { name: /attack\.mitre\.org\/techniques/ }),
  ).toBeVisible();
  await expect(page.getByTestId("query")).toContainText(detection.query.trim().split("\n")[0]!.trim());
  // Highlighted: tokens carry palette classes, and the stylesheet gives them their colours.
  const token = page.getByTestId("query").locator("pre.shiki span.line > span[class]").first();
  await expect(token).toBeVisible();
  const colours = await token.evaluate((el) => [
    getComputedStyle(el).color,
    getComputedStyle(el.closest("pre")!).color,
  ]);
  expect(colours[0]).not.toBe(colours[1]);
  await expect(page.getByTestId("rating")).toContainText(`${detection.severity} severity`);
  await expect(page.getByTestId("rating")).toContainText(`${detection.confidence} confidence`);
  for (const heading of [
    "How the query works",
    "Data sources and required tables",
    "False positives and tuning",
    "Portable Sigma rule",
    "Testing methodology",
    "Pro: response and investigation",
    "Related detections",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByTestId("required-tables")).toContainText(detection.required_tables[0]!);
  await expect(page.getByTestId("false-positives").locator("li")).toHaveCount(
    detection.false_positives.length,
  );
  await expect(page.getByTestId("sigma-download")).toHaveText(/Download portable Sigma rule \(\.yml\)/);
  await expect(page.getByTestId("other-platforms").locator("li")).toHaveCount(technique.detections.length);
  await expect(page.getByTestId("tests").locator("> li")).toHaveCount(technique.tests.length);
  await expect(page.getByTestId("pro-teasers").locator("li")).toHaveCount(technique.proSections.length);
});

test("the detection page says what was verified and shows the native query's events", async ({ page }) => {
  await page.goto(detectionPath);
  await expect(page.getByTestId("deployment")).toBeVisible();
  await expect(page.getByTestId("verification")).toBeVisible();
  const native = page.getByTestId("native-evaluation");
  await expect(native).toContainText(/fires on (\d+) of \1 attack events?, silent on (\d+) of \2 benign/);
  const first = native.locator("details").first();
  const firstName = (await first.locator("summary").textContent())!
    .replace(/^(Attack|Benign): /, "")
    .split(" · ")[0];
  await expect(first.locator("pre")).toBeHidden();
  await first.locator("summary").click();
  const json = JSON.parse((await first.locator("pre").textContent()) ?? "");
  expect(typeof json).toBe("object");
  expect(JSON.stringify(json)).not.toContain("__sample");
  // Every event, not only those shown, with the outcome the page reports.
  const href = (await native.getByTestId("samples-json").getAttribute("href"))!;
  const all = await (await page.request.get(href)).json();
  expect(all.technique).toBe(technique.id);
  expect(all.events.length).toBeGreaterThanOrEqual(await native.locator("details").count());
  expect(all.events[0]).toMatchObject({ kind: expect.any(String), matched: expect.any(Boolean) });
  expect(JSON.stringify(all.events.find((e: { name: string }) => e.name === firstName)?.event)).toBe(
    JSON.stringify(json),
  );
});

test("the technique page shows the sample events and the Sigma filters that tune the rule", async ({
  page,
}) => {
  const withSamples = catalog.techniques.find((t) => t.samples && t.sigma_filters.length > 0);
  expect(withSamples, "a technique with samples.yml and sigma_filters").toBeDefined();
  const { samples, sigma_filters } = withSamples!;
  await page.goto(`/techniques/${withSamples!.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Sample events" })).toBeVisible();
  const events = page.getByTestId("samples").getByTestId("sample-event");
  await expect(events).toHaveCount(samples!.true_positives.length + samples!.benign.length);
  await expect(events.filter({ hasText: "True positive" })).toHaveCount(samples!.true_positives.length);
  await expect(events.filter({ hasText: "Benign look-alike" })).toHaveCount(samples!.benign.length);
  await expect(events.first()).toContainText(samples!.true_positives[0]!.name);
  const filters = page.getByTestId("sigma-filters");
  await expect(filters.locator("> ul > li")).toHaveCount(sigma_filters.length);
  await expect(filters).toContainText(/and not filter_/);
});

test("the copy button puts the query on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(detectionPath);
  await page.getByRole("button", { name: "Copy query" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(detection.query.trimEnd());
});

test("the Sigma download is YAML that passes the official Sigma schema", async ({ page }) => {
  await page.goto(detectionPath);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("sigma-download").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${technique.id.replace(".", "\\.")}-[a-z0-9-]+\\.yml$`),
  );
  const text = fs.readFileSync((await download.path())!, "utf8");
  const rule = parse(text);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(path.join(sigmaSchemaDir, "sigma-detection-rule-schema.json"), "utf8")),
  );
  expect(validate(rule), JSON.stringify(validate.errors)).toBe(true);
  expect(rule.tags).toContain(`attack.${technique.id.toLowerCase()}`);
});

test("Sigma download headers, ETag and 304", async ({ request }) => {
  const response = await request.get(`/sigma/${technique.id}.yml`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/yaml; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="T\d{4}(\.\d{3})?-[a-z0-9-]+\.yml"$/,
  );
  const etag = response.headers()["etag"]!;
  const again = await request.get(`/sigma/${technique.id}.yml`, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  for (const bad of [
    "T9999.999.yml",
    "..%2F..%2Fpackage.json",
    "%2e%2e%2fsigma.yml",
    `${"T1".repeat(300)}.yml`,
    "T1059.001.yaml",
  ]) {
    expect((await request.get(`/sigma/${bad}`)).status(), bad).toBe(404);
  }
});

test("prerendered pages carry an ETag of their build and path, and answer 304 for it", async ({
  request,
}) => {
  const first = await request.get(detectionPath);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^W\/".+"$/);
  const other = await request.get(`/techniques/${technique.id}`);
  expect(other.headers()["etag"]).not.toBe(etag);
  const again = await request.get(detectionPath, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(etag);
  expect(again.headers()["cache-control"]).toBe(first.headers()["cache-control"]);
  // Another path's tag, or this one's on another page, is not a match.
  expect(
    (await request.get(`/techniques/${technique.id}`, { headers: { "if-none-match": etag } })).status(),
  ).toBe(200);
  // Per-visitor pages are never tagged: their body is not the build's.
  expect((await request.get("/pricing")).headers()["etag"]).toBeUndefined();
});

test("a prerendered page is answered from memory after its first request, byte for byte", async ({
  request,
}) => {
  const path = `/techniques/${technique.id}`;
  for (const encoding of ["identity", "gzip"]) {
    const headers = { "accept-encoding": encoding };
    const first = await request.get(path, { headers });
    const second = await request.get(path, { headers });
    expect(second.headers()["x-atlas-memory"], encoding).toBe("hit");
    expect(await second.body()).toEqual(await first.body()); // decoded by the client for gzip
    for (const name of ["content-type", "content-security-policy", "cache-control", "etag", "vary"])
      expect(second.headers()[name], `${encoding} ${name}`).toBe(first.headers()[name]);
    if (encoding === "gzip") expect(second.headers()["content-encoding"]).toBe("gzip");
  }
  // Payload requests, other methods and per-visitor pages still reach the app.
  const payload = await request.get(`${path}?_rsc=x`, { headers: { rsc: "1" }, maxRedirects: 0 });
  expect(payload.headers()["x-atlas-memory"]).toBeUndefined();
  expect((await request.post(path, { maxRedirects: 0 })).status()).toBe(405);
  await request.get("/pricing");
  expect((await request.get("/pricing")).headers()["x-atlas-memory"]).toBeUndefined();
});

test("a long changelog shows its latest versions and links to the whole one in the API", async ({ page }) => {
  const reworked = catalog.techniques
    .flatMap((t) => t.detections.map((d) => ({ t, d })))
    .find(({ d }) => d.changelog.length > 3);
  expect(reworked, "the corpus has a detection with more than three versions").toBeDefined();
  const { t, d } = reworked!;
  await page.goto(`/techniques/${t.id}/${d.platform}`);
  const section = page.locator("section#changelog");
  await expect(section.locator("ol > li")).toHaveCount(3);
  await expect(section.locator("ol > li").first()).toContainText(`v${d.changelog.at(-1)!.version}`);
  const href = (await page.getByTestId("changelog-more").locator("a").getAttribute("href"))!;
  const json = await (await page.request.get(href)).json();
  expect(json.data.changelog.map((c: { version: number }) => c.version)).toEqual(
    d.changelog.map((c) => c.version),
  );
});

test("other spellings of a technique id redirect permanently to the canonical URL", async ({ request }) => {
  const [num, sub] = technique.id.slice(1).split(".");
  const spellings = sub
    ? [`t${num}.${sub}`, `T${num}-${sub}`, `t${num}_${sub}`, `T${num}/${sub}`]
    : [`t${num}`];
  for (const spelling of spellings) {
    const response = await request.get(`/techniques/${spelling}/${platform.id}`, { maxRedirects: 0 });
    expect(response.status(), spelling).toBe(308);
    expect(new URL(response.headers()["location"]!, "http://x").pathname).toBe(detectionPath);
  }
});

test("unknown ids get a helpful 404", async ({ page, request }) => {
  for (const url of [
    "/techniques/T9999.999",
    `/techniques/${technique.id}/no-such-platform`,
    "/platforms/nope",
    "/nowhere",
  ]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
  await page.goto("/techniques/T9999.999");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We have no page here");
  await expect(page.getByRole("link", { name: "Browse techniques by tactic" })).toBeVisible();
});

for (const [name, url] of [
  ["home", "/"],
  ["technique index", "/techniques"],
  ["technique", `/techniques/${technique.id}`],
  ["detection", detectionPath],
  ["404", "/techniques/T9999.999"],
] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`no serious accessibility violations: ${name} (${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
      await page.goto(url);
      await expectNoSeriousA11yViolations(page);
    });
  }
}

test("screenshots of a detection page in light and dark themes", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const theme of ["light", "dark"] as const) {
    await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
    await page.goto(detectionPath);
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
    await page.screenshot({ path: `test-results/screenshots/detection-${theme}.png`, fullPage: true });
    await page.screenshot({ path: `test-results/screenshots/detection-${theme}-top.png` });
  }
});
