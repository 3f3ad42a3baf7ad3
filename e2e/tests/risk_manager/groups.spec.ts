import { expect, test } from "@playwright/test";
import { waitForContent } from "../../support/pages";

test("[risk_manager] sees 客户细分 and 客户群体 side by side on the dashboard and in the navigation", async ({
  page,
}) => {
  await page.goto("/");
  await waitForContent(page);
  const kinds = page.getByTestId("segmentation-and-grouping");
  const segmentation = kinds.getByTestId("kind-segmentation");
  const grouping = kinds.getByTestId("kind-grouping");
  await expect(segmentation.getByRole("heading", { name: "客户细分" })).toBeVisible();
  await expect(segmentation).toContainText("规则");
  await expect(grouping.getByRole("heading", { name: "客户群体" })).toBeVisible();
  await expect(grouping).toContainText("数据");
  await expect(grouping).toContainText(/客户群体：[1-9]\d* 个/);
  // Side by side: the two boxes share a row.
  const [left, right] = [await segmentation.boundingBox(), await grouping.boundingBox()];
  expect(left && right && Math.abs(left.y - right.y) < 2 && left.x < right.x).toBe(true);

  const nav = page.getByRole("navigation", { name: /主导航|Main/ });
  await expect(nav.getByTestId("nav-section-segmentation")).toContainText("客户细分");
  await expect(nav.getByTestId("nav-section-grouping")).toContainText("客户群体");
  await grouping.getByRole("link", { name: "查看客户群体" }).click();
  await expect(page).toHaveURL(/\/groups\?run=\d+/);
});

test("[risk_manager] opens a customer group and reads its customers, sorted and paged", async ({ page }) => {
  await page.goto("/groups");
  await waitForContent(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("客户群体");
  const groups = page.getByTestId("customer-groups");
  // The demo world plants three customer groups and the run finds three.
  await expect(groups.getByRole("row")).toHaveCount(4);
  await expect(page.getByTestId("group-fit")).toContainText("k = 3");
  await expect(groups).toContainText("知识产权质押贷款");
  const ipGroup = groups.getByRole("row").filter({ hasText: "知识产权质押贷款" });
  const size = Number(await ipGroup.locator("td").first().innerText());
  await ipGroup.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/groups\/customers\/\d+\?run=\d+/);
  await waitForContent(page);
  await expect(page.getByTestId("group-guidance")).toContainText("知识产权质押贷款");
  await expect(page.getByTestId("group-traits").getByRole("listitem").first()).toBeVisible();
  const members = page.getByTestId("group-members");
  await expect(page.getByText(`共 ${size} 户`)).toBeVisible();
  await expect(members.getByRole("row")).toHaveCount(Math.min(size, 50) + 1);
  // Sort by customer id, ascending: the first row is the smallest id.
  await members.getByRole("button", { name: "客户编号", exact: true }).click();
  await waitForContent(page);
  const ids = await members.locator("tbody tr th").allInnerTexts();
  expect(ids).toEqual([...ids].sort());
  if (size > 50) {
    await page.getByRole("button", { name: "加载更多" }).click();
    await expect(members.getByRole("row")).toHaveCount(Math.min(size, 100) + 1);
  }
  await members.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/customers\/C\d+/);
  await waitForContent(page);
  await expect(page.getByTestId("customer-group")).toContainText("知识产权质押贷款");
});

test("[risk_manager] sorts, filters and pages the project groups and opens a group's projects", async ({ page }) => {
  await page.goto("/projects");
  await waitForContent(page);
  const found = page.getByTestId("found-project-groups");
  await expect(page.getByRole("heading", { name: "数据发现的项目群体" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "行业×地区汇总" })).toBeVisible();
  const rows = found.locator("tbody tr");
  const groupCount = await rows.count();
  expect(groupCount).toBeGreaterThanOrEqual(2);

  // Sort by signal rate, highest first: the distressed group leads, with its group-level warning.
  const rateHeader = found.getByRole("button", { name: "信号率", exact: true });
  await rateHeader.click();
  await rateHeader.click();
  await expect(found.getByRole("columnheader", { name: /信号率/ }).first()).toHaveAttribute("aria-sort", "descending");
  await expect(rows.first()).toContainText("超过上限");

  // Filter: only groups with warnings, then back.
  const warned = await rows.filter({ has: page.locator(".badge") }).count();
  expect(warned).toBeGreaterThanOrEqual(1);
  await page.getByLabel("只看有预警的群体").check();
  await expect(rows).toHaveCount(warned);
  await page.getByLabel("只看有预警的群体").uncheck();
  await expect(rows).toHaveCount(groupCount);

  // The trend opens beside the list, not below the page.
  await rows.first().getByRole("button", { name: "信号率趋势" }).click();
  const trend = page.getByTestId("found-group-trend");
  await expect(trend).toBeVisible();
  const [table, panel] = [await found.boundingBox(), await trend.boundingBox()];
  expect(table && panel && panel.x > table.x && Math.abs(panel.y - table.y) < 5).toBe(true);
  await expect(page.getByTestId("found-group-history").locator("tbody tr")).toHaveCount(1);

  // The roll-up pages: 20 rows a page.
  const rollUp = page.locator("table", { has: page.getByRole("columnheader", { name: "行业" }) }).last();
  await expect(rollUp.locator("tbody tr")).toHaveCount(20);
  await page.getByRole("navigation", { name: "分页" }).last().getByRole("button", { name: "下一页" }).click();
  await expect(page.getByText(/第 2 \/ \d+ 页/)).toBeVisible();

  // A group's projects: the project list filtered by the run and the group.
  const size = Number(await rows.first().locator("td").first().innerText());
  await rows.first().getByRole("link", { name: "查看项目" }).click();
  await expect(page).toHaveURL(/\/groups\/projects\/\d+\?run=\d+/);
  await waitForContent(page);
  await expect(page.getByTestId("found-group-projects").locator("tbody tr")).toHaveCount(Math.min(size, 50));
  await expect(page.getByTestId("found-group-projects").locator("tbody tr").first()).toContainText(/PJ\d+/);
});
