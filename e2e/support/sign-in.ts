import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./roles";

/** Signs a demo user in through the sign-in form and waits for the signed-in shell. */
export async function signInThroughForm(page: Page, user: DemoUser): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/邮箱|Email/).fill(DEMO_USERS[user]);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /登录|Sign in/ }).click();
  await expect(page.getByTestId("who")).toBeVisible();
}
