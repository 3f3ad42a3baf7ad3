import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { waitForContent } from "../../support/pages";

test("[credit_officer] sees only their own customers and no risk-manager pages", async ({ page }) => {
  await page.goto("/customers");
  await waitForContent(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/我的客户|My customers/);
  await expect(page.getByRole("columnheader", { name: /客户经理|Officer/ })).toHaveCount(0);
  const nav = page.getByRole("navigation");
  for (const name of [/细分批次|Segment runs/, /细分政策|Policies/, /数据上传|Uploads/, /用户管理|Users/])
    await expect(nav.getByRole("link", { name })).toHaveCount(0);
});

test("[credit_officer] opens a core customer and reads why it is core", async ({ page }) => {
  await page.goto("/customers?tier=core");
  await waitForContent(page);
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/customers\/[^/?]+/);
  await waitForContent(page);
  const trace = page.getByTestId("tier-trace");
  await expect(trace.getByRole("listitem").first()).toContainText(/核心客户|Core/);
  await expect(trace.getByRole("listitem").first()).toContainText(/符合|matched/);
  await expect(page.getByTestId("contribution-total")).toContainText("万元");
  await expect(page.getByRole("heading", { name: /各账户公式参数|Formula inputs per account/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /评分卡得分|Scorecard points/ })).toBeVisible();
});

test("[credit_officer] exports the filtered list as CSV", async ({ page }) => {
  await page.goto("/customers?tier=core");
  await waitForContent(page);
  // The export is a job: the page follows it and downloads the file once it is written.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /导出 CSV|Export CSV/ }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(1);
  // Only the officer's own book, as the list shows it.
  const officer = lines[0]!
    .replace(/^\uFEFF/, "")
    .split(",")
    .indexOf("officer");
  expect(new Set(lines.slice(1).map((line) => line.split(",")[officer]))).toEqual(new Set(["O001"]));
  await expect(page.getByTestId("export-ready")).toContainText(/customers-run\d+-\d+\.csv/);
});
