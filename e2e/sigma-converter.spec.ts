import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers";

test("converter: example rule converts to all seven backends, links ATT&CK and evaluates events", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sigma converter" }).click();
  await expect(page).toHaveURL(/\/tools\/sigma$/);
  await page.getByRole("button", { name: "Load example" }).click();
  await page.getByRole("button", { name: "Validate and convert" }).click();

  // The first conversion loads the server's Shiki grammars.
  await expect(page.getByTestId("query-kql")).toContainText("DeviceProcessEvents", { timeout: 30_000 });
  await expect(page.getByTestId("query-kql")).toContainText('FolderPath endswith "\\\\powershell.exe"');
  await expect(page.getByTestId("query-splunk")).toContainText("process_path IN");
  await expect(page.getByTestId("query-lucene")).toContainText("process.executable:");
  await expect(page.getByTestId("query-esql")).toContainText("from logs-windows.sysmon_operational-*");
  await expect(page.getByTestId("query-eql")).toContainText("process where");
  await expect(page.getByTestId("query-yara-l")).toContainText('$e.metadata.event_type = "PROCESS_LAUNCH"');
  await expect(page.getByTestId("query-logscale")).toContainText("#event_simpleName=ProcessRollup2");
  await expect(page.getByTestId("query-logscale").getByRole("link", { name: "Download" })).toHaveAttribute(
    "download",
    "sigma-rule.cql",
  );
  await expect(page.getByTestId("query-eql").locator("pre.shiki")).toBeVisible();
  await expect(page.getByTestId("query-eql").getByRole("link", { name: "Download" })).toHaveAttribute(
    "download",
    "sigma-rule.eql",
  );
  await expect(page.getByTestId("evaluation")).toContainText("1 of 2 events match");
  await expect(page.getByTestId("evaluation")).toContainText("fired: selection_img, selection_enc");
  await expect(page.getByRole("link", { name: "attack.t1059.001" })).toHaveAttribute(
    "href",
    "/techniques/T1059.001",
  );
  await expectNoSeriousA11yViolations(page);
});

test("converter: an invalid rule shows its located error and jumps to the line", async ({ page }) => {
  await page.goto("/tools/sigma");
  const rule = [
    "title: Broken rule",
    "logsource:",
    "  product: windows",
    "  category: process_creation",
    "detection:",
    "  selection:",
    "    Image|endwith: '\\\\cmd.exe'",
    "  condition: selection and not filter",
  ].join("\n");
  await page.getByLabel("Sigma rule (YAML)").fill(rule);
  await page.getByRole("button", { name: "Validate and convert" }).click();
  const messages = page.getByTestId("diagnostics");
  await expect(messages).toBeVisible({ timeout: 30_000 });
  await expect(messages).toContainText('line 7, column 5 error: Image|endwith: unknown modifier "endwith"');
  await expect(messages).toContainText('line 8, column 32 error: the condition names "filter"');
  await expect(page.getByRole("main").getByRole("alert")).toContainText("the rule has errors");
  await messages.getByRole("button", { name: "line 7, column 5" }).click();
  const caret = await page
    .getByLabel("Sigma rule (YAML)")
    .evaluate((el: HTMLTextAreaElement) => el.value.slice(0, el.selectionStart).split("\n").length);
  expect(caret).toBe(7);
});

test("converter: hostile YAML gets a clear error, not a hang", async ({ page }) => {
  await page.goto("/tools/sigma");
  await page.getByLabel("Sigma rule (YAML)").fill(`a: ${"[".repeat(5000)}`);
  await page.getByRole("button", { name: "Validate and convert" }).click();
  await expect(page.getByTestId("diagnostics")).toContainText("nested more than 32 levels deep");
});
