import { expect, test } from "@playwright/test";
import { waitForContent } from "../../support/pages";

test("[credit_officer] reads a customer's group and the guidance it brings next to tier and grade", async ({
  page,
}) => {
  await page.goto("/groups");
  await waitForContent(page);
  const groups = page.getByTestId("customer-groups");
  const withGuidance = groups.getByRole("row").filter({ hasText: "知识产权质押贷款" });
  await withGuidance.getByRole("link").first().click();
  await waitForContent(page);
  const members = page.getByTestId("group-members");
  // Only the officer's own book: every listed customer opens (another officer's would be not found).
  await members.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/customers\/C\d+/);
  await waitForContent(page);
  const card = page.getByTestId("customer-group");
  await expect(card).toContainText("所属客户群体");
  await expect(page.getByTestId("customer-group-guidance")).toContainText("知识产权质押贷款");
  await card.getByRole("link").click();
  await expect(page).toHaveURL(/\/groups\/customers\/\d+\?run=\d+/);
  await expect(page.getByTestId("group-guidance")).toContainText("知识产权质押贷款");
});

test("[credit_officer] sees both kinds on the dashboard", async ({ page }) => {
  await page.goto("/");
  await waitForContent(page);
  await expect(page.getByTestId("kind-segmentation")).toContainText("客户细分");
  await expect(page.getByTestId("kind-grouping")).toContainText("客户群体");
});
