import { expect, test } from "@playwright/test";
import { useLanguage, waitForContent } from "../../support/pages";

test("[risk_manager] reads the portfolio and drills down from a tier to its customers", async ({ page }) => {
  await page.goto("/");
  await waitForContent(page);
  await expect(page.getByRole("heading", { name: /按贡献度分层|By contribution tier/ })).toBeVisible();
  const tierTable = page.locator("section", {
    has: page.getByRole("heading", { name: /按贡献度分层|By contribution tier/ }),
  });
  await tierTable.getByRole("link", { name: /核心客户|Core/ }).click();
  await expect(page).toHaveURL(/\/customers\?.*tier=core/);
  await waitForContent(page);
  // Every listed customer is core (the filter travelled in the URL).
  const tierCells = page.getByRole("row").locator("td:nth-child(6)");
  await expect(tierCells.first()).toBeVisible();
  for (const text of await tierCells.allInnerTexts()) expect(text).toMatch(/核心客户|Core/);
});

test("[risk_manager] filters customers by an industry picked from the values the portfolio has", async ({ page }) => {
  await page.goto("/customers");
  await waitForContent(page);
  await page.getByRole("combobox", { name: /^(行业|Industry)$/ }).click();
  const first = page
    .getByRole("listbox", { name: /^(行业|Industry)$/ })
    .getByRole("option")
    .first();
  // Options read "制造业 (123)": the value and how many customers have it.
  await expect(first).toHaveText(/\(\d[\d,]*\)$/);
  const value = (await first.innerText()).replace(/\(\d[\d,]*\)$/, "").trim();
  // Choosing a value applies it at once and shows it as a removable chip.
  await first.click();
  await expect(page).toHaveURL(/industry=/);
  await expect(page.getByRole("button", { name: new RegExp(`^(移除|Remove) ${value}$`) })).toBeVisible();
  await waitForContent(page);
  const industryCells = page.getByRole("row").locator("td:nth-child(3)");
  await expect(industryCells.first()).toBeVisible();
  for (const text of await industryCells.allInnerTexts()) expect(text).toBe(value);
});

test("[risk_manager] drills down from a benefit cluster to its loans", async ({ page }) => {
  await page.goto("/");
  await waitForContent(page);
  const clusterPanel = page.locator("section", {
    has: page.getByRole("heading", { name: /按利益细分群|By benefit cluster/ }),
  });
  await clusterPanel
    .getByRole("link", { name: /^(贷款|Loans)$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/loans\?.*cluster=\d+/);
  await waitForContent(page);
  await expect(page.getByTestId("loan-list").getByRole("row").nth(1)).toBeVisible();
});

test("[risk_manager] explores the clusters: how k was chosen and a sample of every cluster's loans", async ({
  page,
}) => {
  await page.goto("/clusters");
  await waitForContent(page);
  await expect(page.getByRole("heading", { name: /各 k 的惯性|Inertia by k/ })).toBeVisible();
  // Counted once every cluster's sample has arrived: a non-zero count means the scatter has points.
  await expect(page.getByText(/^(抽样|Sample of) [1-9][\d,]* (笔贷款|loans)$/)).toBeVisible();
});

test("[risk_manager] follows a project group's signal rate across runs", async ({ page }) => {
  await page.goto("/projects");
  await waitForContent(page);
  await page
    .getByRole("button", { name: /^(趋势|History)$/ })
    .first()
    .click();
  const history = page.getByTestId("group-history");
  await expect(history.getByRole("row").nth(1)).toBeVisible();
  await expect(history.getByRole("row").nth(1).locator("td").first()).toHaveText(/^#\d+$/);
});

test("[risk_manager] watches the finished run and compares runs", async ({ page }) => {
  await page.goto("/runs");
  await waitForContent(page);
  const runs = page.getByTestId("run-list");
  await expect(runs.getByRole("row").nth(1)).toContainText(/已完成|Succeeded/);
  await expect(runs.getByRole("progressbar").first()).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByRole("heading", { name: /比较两个批次|Compare two runs/ })).toBeVisible();
});

test("[risk_manager] edits a draft policy with validation as they type and sees the diff", async ({ page }) => {
  await page.goto("/policies");
  await waitForContent(page);
  await page.getByRole("button", { name: /基于生效版本新建草稿|New draft from the active version/ }).click();
  const validity = page.getByTestId("draft-validity");
  await expect(validity).toContainText(/草稿校验通过|The draft is valid/);
  const taxRate = page.getByRole("spinbutton", { name: /利息收入税金及附加|Tax and surcharge/ }).first();
  await taxRate.fill("150");
  await expect(validity).toContainText(/需要修改|problems to fix/);
  await expect(taxRate).toHaveAttribute("aria-invalid", "true");
  await taxRate.fill("6");
  await expect(validity).toContainText(/草稿校验通过|The draft is valid/);
  await expect(page.getByTestId("draft-diff")).toContainText(/税率|tax rate/);
});

test("[risk_manager] switches the interface to English and it is remembered", async ({ page }) => {
  await page.goto("/");
  await useLanguage(page, "zh-CN");
  await page.reload();
  await page.getByRole("combobox", { name: /语言|Language/ }).selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portfolio dashboard");
  // The choice is saved with the user: a fresh browser without the cookie opens in English.
  await page.context().clearCookies({ name: "creditseg-locale" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("combobox", { name: /Language/ }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});
