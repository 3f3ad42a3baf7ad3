import { expect, test } from "@playwright/test";
import { waitForContent } from "../../support/pages";
import { storageStatePath } from "../../support/roles";

test("[risk_manager] drafts a policy, previews it, a second risk manager approves it, and a run finishes with progress shown", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.goto("/policies");
  await waitForContent(page);
  await page.getByRole("button", { name: /基于生效版本新建草稿|New draft from the active version/ }).click();
  await expect(page.getByTestId("draft-validity")).toContainText(/草稿校验通过|The draft is valid/);

  // Lower the core threshold to 800,000 CNY: more customers become core.
  const threshold = page.getByRole("spinbutton", { name: /最低贡献度|Minimum contribution/ }).first();
  // Thresholds are entered in the user's money unit: 80 万元 in Chinese, CNY 0.8m in English.
  const isEnglish = (await page.locator("html").getAttribute("lang")) === "en";
  await threshold.fill(isEnglish ? "0.8" : "80");
  await expect(page.getByTestId("draft-diff")).toContainText(
    /分层 › 第 1 项 › 最低贡献度|tiers › #1 › minimum contribution/,
  );
  await page.getByRole("textbox", { name: /^(变更说明|Change note)$/ }).fill("核心客户门槛下调至80万元");
  await page.getByRole("button", { name: /影响预览|Impact preview/ }).click();
  const impact = page.getByTestId("policy-impact");
  await expect(impact).toBeVisible({ timeout: 30_000 });
  await expect(impact).toContainText(/分层迁移|Tier transitions/);
  await page.getByRole("button", { name: /保存并提交审批|Save and submit for approval/ }).click();

  const versions = page.getByTestId("policy-versions");
  const submitted = versions
    .getByRole("row")
    .filter({ hasText: /待审批|Submitted/ })
    .first();
  await expect(submitted).toBeVisible();
  const versionText = (await submitted.getByRole("cell").first().innerText()).trim();
  // The author cannot approve their own version.
  await expect(submitted.getByRole("button", { name: /^(批准|Approve)$/ })).toHaveCount(0);

  const secondContext = await browser.newContext({ storageState: storageStatePath("second_risk_manager") });
  const second = await secondContext.newPage();
  await second.goto("/policies");
  await waitForContent(second);
  // The approver decides with the evidence in the same view: the diff, the impact preview and the FTP curve.
  const version = versionText.replace(/^v/, "");
  const review = second.getByTestId(`policy-review-${version}`);
  await expect(review.getByTestId(`review-diff-${version}`)).toContainText(
    /分层 › 第 1 项 › 最低贡献度|tiers › #1 › minimum contribution/,
  );
  await expect(review.getByTestId("policy-impact")).toContainText(/分层迁移|Tier transitions/, { timeout: 30_000 });
  await expect(review.getByTestId(`review-ftp-${version}`)).toContainText(/FTP/);
  // Draft names stay clean: no "(draft 2)" suffix piles up.
  await expect(review.getByRole("heading", { level: 2 })).not.toContainText("(draft");
  // "N 户分层将变化" opens as the list of exactly those customers.
  const changed = review.getByTestId("impact-changed-link");
  const changedHref = (await changed.getAttribute("href"))!;
  const changedCount = Number(await changed.getAttribute("data-count"));
  await second.goto(changedHref);
  await waitForContent(second);
  await expect(second.locator("#customer-results")).toHaveText(
    new RegExp(`(^|\\D)${changedCount.toLocaleString("en")}(\\D|$)`),
  );
  await second.goto("/policies");
  await waitForContent(second);
  await review.getByRole("textbox", { name: /^(审批意见|Decision comment)$/ }).fill("同意");
  await review.getByRole("button", { name: /^(批准|Approve)$/ }).click();
  await expect(second.getByTestId("active-policy")).toContainText(versionText);
  await secondContext.close();

  await page.goto("/runs");
  await waitForContent(page);
  await page.getByRole("button", { name: /^(发起细分|Start a run)$/ }).click();
  const started = page.getByTestId("run-started");
  await expect(started).toBeVisible();
  const runId = (await started.innerText()).match(/#(\d+)/)?.[1];
  expect(runId).toBeDefined();
  const runRow = page
    .getByTestId("run-list")
    .getByRole("row")
    .filter({ hasText: `#${runId}` });
  await expect(runRow.getByRole("progressbar")).toBeVisible();
  // The start confirmation reads a time, not just the run's number.
  await expect(started).toContainText(/\d{1,2}:\d{2}/);
  // Progress passes through segmenting restart by restart (the list polls the run row).
  await expect(runRow).toContainText(/聚类重复 \d+\/\d+|clustering restarts \d+\/\d+/, { timeout: 90_000 });
  await expect(runRow).toContainText(/已完成|Succeeded/, { timeout: 90_000 });
  await expect(runRow.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(runRow).toContainText(versionText);
});
