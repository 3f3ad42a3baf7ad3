import { expect, test } from "@playwright/test";
import { waitForContent } from "../../support/pages";
import { storageStatePath } from "../../support/roles";

test("[credit_officer] proposes an override that a risk manager approves and that then shows on the customer page", async ({
  page,
  browser,
}) => {
  await page.goto("/customers?tier=core");
  await waitForContent(page);
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/customers\/[^/?]+/);
  const customerId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  await waitForContent(page);

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: /申请调整|Propose an override/ }) });
  // Proposing without a reason is refused in the form.
  await form.getByRole("button", { name: /申请调整|Propose an override/ }).click();
  await expect(form.getByText(/请简要说明原因|Say why/)).toBeVisible();
  await form.getByRole("combobox", { name: /^(调整项|Field)$/ }).selectOption("tier");
  await form.getByRole("combobox", { name: /^(建议值|Proposed value)$/ }).selectOption("basic");
  await form.getByRole("combobox", { name: /^(原因|Reason)$/ }).selectOption("data_lag");
  await form.getByRole("textbox", { name: /^(说明|Explanation)$/ }).fill("年末大额存款为临时性资金，贡献度将回落。");
  await form.getByRole("button", { name: /申请调整|Propose an override/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /已提交调整申请|Override proposed/ })).toBeVisible();
  const overrides = page.getByTestId("customer-overrides");
  await expect(overrides.getByRole("row").nth(1)).toContainText(/待审批|Proposed/);

  // A risk manager approves it from the queue.
  const riskContext = await browser.newContext({ storageState: storageStatePath("risk_manager") });
  const riskPage = await riskContext.newPage();
  await riskPage.goto("/overrides");
  await waitForContent(riskPage);
  const row = riskPage.getByTestId("override-queue").getByRole("row").filter({ hasText: customerId });
  await row.getByRole("textbox", { name: /^(审批意见|Decision)$/ }).fill("同意，请在下一批次复核。");
  await row.getByRole("button", { name: /批准|Approve/ }).click();
  await expect(riskPage.getByTestId("override-queue").getByRole("row").filter({ hasText: customerId })).toHaveCount(0);
  await riskContext.close();

  await page.reload();
  await waitForContent(page);
  await expect(page.getByTestId("customer-overrides").getByRole("row").nth(1)).toContainText(/已批准|Approved/);
  await expect(page.getByTestId("customer-overrides")).toContainText("同意，请在下一批次复核。");
});
