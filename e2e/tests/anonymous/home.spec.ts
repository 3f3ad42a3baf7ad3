import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../../support/axe";

test("[anonymous] opens the home page", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  // Without a session the home page sends the visitor to sign in.
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel(/邮箱|Email/)).toBeVisible();
  await expect(page.getByLabel(/密码|Password/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
