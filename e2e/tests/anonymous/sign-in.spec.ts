import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../../support/roles";

test("[anonymous] is told when the password is wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel(/邮箱|Email/).fill(DEMO_USERS.second_credit_officer);
  await page.getByLabel(/密码|Password/).fill("not-the-password");
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText(/邮箱或密码错误|Invalid email or password/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[anonymous] is sent to sign in from a deep link and comes back after", async ({ page }) => {
  await page.goto("/customers?tier=core");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel(/邮箱|Email/).fill(DEMO_USERS.second_credit_officer);
  await page.getByLabel(/密码|Password/).fill("CreditSeg#2025");
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await expect(page).toHaveURL(/\/customers/);
});
