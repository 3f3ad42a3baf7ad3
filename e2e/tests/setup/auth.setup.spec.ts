import { test } from "@playwright/test";
import { storageStatePath, type DemoUser } from "../../support/roles";
import { signInThroughForm } from "../../support/sign-in";

const USERS: DemoUser[] = ["admin", "risk_manager", "second_risk_manager", "credit_officer"];

for (const user of USERS) {
  test(`[setup] signs in ${user}`, async ({ page }) => {
    await signInThroughForm(page, user);
    await page.context().storageState({ path: storageStatePath(user) });
  });
}
