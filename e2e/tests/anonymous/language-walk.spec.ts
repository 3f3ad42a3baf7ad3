import { expect, test } from "@playwright/test";
import { checkPageInBothLanguages } from "../../support/pages";

test("[anonymous] the sign-in page reads in one language, passes axe and logs no console error", async ({ page }) => {
  test.setTimeout(120_000);
  await checkPageInBothLanguages(page, {
    path: "/sign-in",
    name: "sign-in",
    role: "anonymous",
    ready: (p) => expect(p.getByLabel(/邮箱|Email/)).toBeVisible(),
  });
});
