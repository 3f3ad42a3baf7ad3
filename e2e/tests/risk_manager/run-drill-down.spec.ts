import { expect, test, type Page } from "@playwright/test";
import { checkPageInBothLanguages, useLanguage, waitForContent } from "../../support/pages";

const ROLE = "risk_manager";

/** The customer list's total, from its heading ("共 1,234 户" / "1,234 customers"). */
async function listTotal(page: Page): Promise<number> {
  const heading = page.locator("#customer-results");
  await expect(heading).toHaveText(/\d/);
  return Number((await heading.innerText()).replace(/[^\d]/g, ""));
}

/** Every linked cell inside `scope`: where it leads and the count it shows. */
async function linkedCells(scope: ReturnType<Page["locator"]>): Promise<{ href: string; count: number }[]> {
  const links = scope.locator("a[data-count]");
  await expect(links.first()).toBeVisible();
  const cells: { href: string; count: number }[] = [];
  for (const link of await links.all())
    cells.push({ href: (await link.getAttribute("href"))!, count: Number(await link.getAttribute("data-count")) });
  return cells;
}

/** Opens each cell's list and checks that the list holds exactly as many customers as the cell counts. */
async function expectListsMatchCells(page: Page, cells: { href: string; count: number }[]): Promise<void> {
  for (const cell of cells) {
    await page.goto(cell.href);
    await waitForContent(page);
    // A migration cell or a Pareto point is said in words above the list (it has no filter control).
    if (/[?&](from|top)=/.test(cell.href)) await expect(page.getByTestId("customer-selection")).toBeVisible();
    expect({ href: cell.href, total: await listTotal(page) }).toEqual({ href: cell.href, total: cell.count });
  }
}

test("[risk_manager] compares the previous run with the latest and opens each migration cell as its customer list", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/runs");
  await waitForContent(page);
  const compare = page.locator("section", {
    has: page.getByRole("heading", { name: /比较两个批次|Compare two runs/ }),
  });
  const from = Number(await compare.getByRole("combobox", { name: /较早批次|Earlier run/ }).inputValue());
  const to = Number(await compare.getByRole("combobox", { name: /较晚批次|Later run/ }).inputValue());
  // The default is the run before the latest → the latest, not the same run twice.
  expect(from).toBeLessThan(to);
  // Tiers in business order (core, basic, general), not alphabetically.
  const headers = await compare.getByRole("columnheader").allInnerTexts();
  const at = (pattern: RegExp) => headers.findIndex((text) => pattern.test(text));
  expect(at(/核心客户|Core/)).toBeLessThan(at(/基础客户|Basic/));
  expect(at(/基础客户|Basic/)).toBeLessThan(at(/一般客户|General/));

  const tierCells = await linkedCells(compare);
  // By keyboard: the first cell is a link that Enter opens.
  await compare.locator("a[data-count]").first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/customers\?.*prevTier=/);
  await expectListsMatchCells(page, tierCells);

  await page.goto("/runs");
  await waitForContent(page);
  await compare.getByRole("combobox", { name: /维度|Dimension/ }).selectOption("grade");
  await expectListsMatchCells(page, (await linkedCells(compare)).slice(0, 6));
});

test("[risk_manager] opens every cluster migration cell, no cluster included, as its customer list, in English too", async ({
  page,
}) => {
  test.setTimeout(240_000);
  for (const locale of ["en", "zh-CN"] as const) {
    await useLanguage(page, locale);
    await page.goto("/runs");
    await waitForContent(page);
    const compare = page.locator("section", {
      has: page.getByRole("heading", { name: /比较两个批次|Compare two runs/ }),
    });
    await compare.getByRole("combobox", { name: /维度|Dimension/ }).selectOption("cluster");
    const cells = await linkedCells(compare);
    // The "no cluster" column (customers without loans) is linked like the others.
    expect(cells.some((cell) => cell.href.includes("cluster=none"))).toBe(true);
    await expectListsMatchCells(page, locale === "en" ? cells : cells.filter((cell) => cell.href.includes("none")));
  }
});

test("[risk_manager] opens the dashboard's migration cells, Pareto points and tier × cluster cells as their customer lists", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await waitForContent(page);
  const migration = page.locator("section", { has: page.locator("#migration") });
  await expectListsMatchCells(page, await linkedCells(migration));

  // The Pareto curve's points, by the links beside the chart (its keyboard path): the top slice's customers.
  await page.goto("/");
  await waitForContent(page);
  await expectListsMatchCells(page, await linkedCells(page.getByTestId("pareto-links")));

  await page.goto("/");
  await waitForContent(page);
  const heatmap = page.locator("section", { has: page.locator("#heatmap") });
  const link = heatmap.getByRole("link").first();
  const count = Number((await link.innerText()).replace(/[^\d]/g, ""));
  await link.click();
  await expect(page).toHaveURL(/\/customers\?.*tier=/);
  await waitForContent(page);
  expect(await listTotal(page)).toBe(count);

  // Every tier × cluster cell, the "no cluster" column too, in English.
  await useLanguage(page, "en");
  await page.goto("/");
  await waitForContent(page);
  const cells = await linkedCells(heatmap);
  expect(cells.some((cell) => cell.href.includes("cluster=none"))).toBe(true);
  await expectListsMatchCells(page, cells);
  await useLanguage(page, "zh-CN");
});

test("[risk_manager] opens a run's detail page: who, when, policy, inputs, FTP curve, timings, sample for k", async ({
  page,
}) => {
  await page.goto("/runs");
  await waitForContent(page);
  await page
    .getByTestId("run-list")
    .getByRole("link", { name: /^(详情|Details) #\d+$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const path = new URL(page.url()).pathname;
  await checkPageInBothLanguages(page, {
    path,
    name: "run-detail",
    role: ROLE,
    ready: async (p) => {
      await expect(p.getByTestId("run-facts")).toContainText(/风险经理|Risk|risk/);
      await expect(p.getByTestId("run-ftp")).toBeVisible();
      await expect(p.getByTestId("run-timings")).toContainText(/细分计算|segmenting/);
      await expect(p.getByTestId("run-clustering")).toContainText(/\d/);
      await expect(p.getByTestId("run-results")).toContainText(/\d/);
    },
  });
});

/** Opens a roll-up group's project list and checks that it holds as many projects as `count` (the figure it came from). */
async function expectGroupProjects(page: Page, href: string, count: number): Promise<void> {
  await page.goto(href);
  await waitForContent(page);
  await expect(page.getByTestId("roll-up-group-count")).toHaveAttribute("data-count", String(count));
  const rows = page.getByTestId("roll-up-group-projects").locator("tbody tr");
  // One page of 50; larger groups show "load more", and the first page is full.
  await expect(rows).toHaveCount(Math.min(count, 50));
}

test("[risk_manager] opens each roll-up group's projects, as many as the group counts, in both languages", async ({
  page,
}) => {
  test.setTimeout(180_000);
  for (const locale of ["en", "zh-CN"] as const) {
    await useLanguage(page, locale);
    await page.goto("/projects");
    await waitForContent(page);
    const rollUp = page.getByRole("table", { name: /行业×地区汇总|Industry × region roll-up/ });
    const groupCells = await linkedCells(rollUp);
    for (const cell of groupCells.slice(0, 5)) await expectGroupProjects(page, cell.href, cell.count);
  }
  await useLanguage(page, "zh-CN");
});

test("[risk_manager] opens an early warning's projects: the group's projects its rate was computed from", async ({
  page,
}) => {
  // An early warning names a roll-up group and opens the projects its rate was computed from. The latest run of
  // the seeded world may raise none: look through the finished runs for one that does.
  let warningHref: string | undefined;
  for (const run of ["", "?run=1", "?run=2", "?run=3"]) {
    await page.goto(`/projects${run}`);
    await waitForContent(page);
    const links = page.getByRole("table", { name: /风险预警|early warnings/i }).locator("tbody a");
    if ((await links.count()) > 0) {
      warningHref = (await links.first().getAttribute("href"))!;
      break;
    }
  }
  test.skip(warningHref === undefined, "no run of the seeded world raised an early warning");
  await page.goto(warningHref!);
  await waitForContent(page);
  const count = Number(await page.getByTestId("roll-up-group-count").getAttribute("data-count"));
  expect(count).toBeGreaterThan(0);
  await expect(page.getByTestId("roll-up-group-projects").locator("tbody tr")).toHaveCount(Math.min(count, 50));
});
