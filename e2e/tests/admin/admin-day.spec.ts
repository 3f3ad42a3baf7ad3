import { expect, test } from "@playwright/test";
import { checkPageInBothLanguages, waitForContent } from "../../support/pages";

const ROLE = "admin";

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
  await page.getByLabel(/^(操作|Action)$/).fill("user.created");
  await page.getByRole("button", { name: /应用|Apply/ }).click();
  await expect(page.getByRole("cell", { name: "user.created" }).first()).toBeVisible();
});

for (const [path, name] of [
  ["/", "dashboard"],
  ["/uploads", "uploads"],
  ["/users", "users"],
  ["/audit", "audit"],
] as const) {
  test(`[admin] ${name} page passes axe in both languages`, async ({ page }) => {
    test.setTimeout(120_000);
    await checkPageInBothLanguages(page, {
      path,
      name,
      role: ROLE,
      ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible(),
    });
  });
}
