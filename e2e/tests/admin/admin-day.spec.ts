import { expect, test } from "@playwright/test";
import { waitForContent } from "../../support/pages";

test("[admin] sees the admin navigation and nothing a risk manager does", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation");
  for (const name of [/数据上传|Uploads/, /用户管理|Users/, /审计日志|Audit log/])
    await expect(nav.getByRole("link", { name })).toBeVisible();
  for (const name of [/细分批次|Segment runs/, /细分政策|Policies/, /调整审批|Overrides/])
    await expect(nav.getByRole("link", { name })).toHaveCount(0);
});

test("[admin] adds a user and finds it in the audit log", async ({ page }) => {
  await page.goto("/users");
  await waitForContent(page);
  await expect(page.getByRole("cell", { name: "officer@creditseg.local", exact: true })).toBeVisible();
  const form = page.locator("form", { has: page.getByRole("heading", { name: /新增用户|Add a user/ }) });
  await form.getByLabel(/^(邮箱|Email)$/).fill("officer3@creditseg.local");
  await form.getByLabel(/^(姓名|Name)$/).fill("王三");
  await form.getByLabel(/客户经理编号|Officer code/).fill("O003");
  await form.getByLabel(/初始密码|Initial password/).fill("CreditSeg#2026-new");
  await form.getByRole("button", { name: /新增用户|Add a user/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /用户已新增|User added/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "officer3@creditseg.local", exact: true })).toBeVisible();

  await page.goto("/audit");
  await waitForContent(page);
  // Actions are chosen by name: typing part of one (or its code) narrows the list; Enter chooses it.
  const action = page.getByRole("combobox", { name: /^(操作|Action)$/ });
  await action.fill("新建");
  await expect(page.getByRole("option", { name: /新建用户|User created/ })).toBeVisible();
  await action.press("Enter");
  await expect(page.getByRole("list", { name: /操作|Action/ }).getByText(/新建用户|User created/)).toBeVisible();
  await expect(page.getByRole("cell", { name: /^(新建用户|User created)$/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /^(登录|Signed in)$/ })).toHaveCount(0);
});
