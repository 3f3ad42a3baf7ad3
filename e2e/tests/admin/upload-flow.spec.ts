import { expect, test } from "@playwright/test";
import path from "node:path";
import { repoRoot } from "../../env";
import { useLanguage, waitForContent } from "../../support/pages";

const fixture = (name: string) => path.join(repoRoot, "e2e", "fixtures", name);

test("[admin] uploads a GBK CSV with Chinese headers, sees a rejected row, fixes it, then loads an XLSX", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/uploads");
  await waitForContent(page);

  // A GBK CSV with one bad enterprise size: the check names the row, column and value.
  await page.getByTestId("upload-input").setInputFiles(fixture("customers-with-error.gbk.csv"));
  await expect(page.getByTestId("upload-detected")).toContainText(/GB18030|GBK/);
  await expect(page.getByRole("cell", { name: "客户编号", exact: true })).toBeVisible();
  await page.getByRole("button", { name: /^(校验|Check)$/ }).click();
  const rejects = page.getByTestId("upload-rejects");
  await expect(rejects).toBeVisible();
  await expect(rejects.getByRole("row").nth(1)).toContainText("巨型");
  // The column reads by its Chinese header (English: the template header "size").
  await expect(rejects.getByRole("row").nth(1)).toContainText(/企业规模|size/);

  // The corrected file passes and is committed.
  await page.getByTestId("upload-input").setInputFiles(fixture("customers-fixed.gbk.csv"));
  await expect(page.getByTestId("upload-detected")).toContainText(/GB18030|GBK/);
  await page.getByRole("button", { name: /^(校验|Check)$/ }).click();
  await expect(page.getByTestId("upload-report")).toContainText(/已校验|Validated/);
  await expect(page.getByTestId("upload-rejects")).toHaveCount(0);
  await page.getByRole("button", { name: /^(确认入库|Commit)$/ }).click();
  await expect(page.getByTestId("upload-report")).toContainText(/已入库|Committed/);

  // An XLSX of loans for the new customers.
  await page.getByRole("combobox", { name: /^(数据类型|Data)$/ }).selectOption("loans");
  await page.getByRole("textbox", { name: /^(期间|Period)$/ }).fill("2025");
  await page.getByTestId("upload-input").setInputFiles(fixture("loans-2025.xlsx"));
  await expect(page.getByTestId("upload-detected")).toContainText("XLSX");
  await page.getByRole("button", { name: /^(校验|Check)$/ }).click();
  await expect(page.getByTestId("upload-report")).toContainText(/已校验|Validated/);
  await page.getByRole("button", { name: /^(确认入库|Commit)$/ }).click();
  await expect(page.getByTestId("upload-report")).toContainText(/已入库|Committed/);

  const history = page.locator("section", { has: page.getByRole("heading", { name: /上传批次|Batch history/ }) });
  await expect(history.getByRole("row").filter({ hasText: "loans-2025.xlsx" })).toContainText(/已入库|Committed/);
  await expect(history.getByRole("row").filter({ hasText: "customers-fixed.gbk.csv" })).toContainText(
    /已入库|Committed/,
  );
});

test("[admin] reads a rejected row's reason, its column and its allowed values in Chinese and in English", async ({
  page,
}) => {
  // The reject carries a code and parameters; the page words them in the reader's language.
  for (const [locale, reason, column] of [
    ["zh-CN", /不是允许的取值：可填 /, "企业规模"],
    ["en", /not one of the allowed values: allowed: /, "size"],
  ] as const) {
    await useLanguage(page, locale);
    await page.goto("/uploads");
    await waitForContent(page);
    await page.getByTestId("upload-input").setInputFiles(fixture("customers-with-error.gbk.csv"));
    await expect(page.getByTestId("upload-detected")).toContainText(/GB18030|GBK/);
    await page.getByRole("button", { name: /^(校验|Check)$/ }).click();
    const row = page.getByTestId("upload-rejects").getByRole("row").nth(1);
    await expect(row).toContainText(reason);
    await expect(row).toContainText(column);
  }
  await useLanguage(page, "zh-CN");
});
