import { expect, type Page } from "@playwright/test";
import path from "node:path";
import { baseUrl, repoRoot } from "../env";
import { expectNoSeriousA11yViolations } from "./axe";

export const LOCALE_COOKIE = "creditseg-locale";
const LANGUAGES = ["zh-CN", "en"] as const;

/** Chooses the interface language for the next page loads, as the language switch does. */
export async function useLanguage(page: Page, locale: (typeof LANGUAGES)[number]): Promise<void> {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseUrl }]);
}

/** Waits until no loading placeholder is left on the page. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator(".skeleton")).toHaveCount(0, { timeout: 20_000 });
}

/**
 * Opens a page in Chinese and in English, checks each with axe and saves a full-page screenshot
 * under e2e/artifacts/screenshots/<role>/<name>.<locale>.png. Leaves the page in Chinese.
 */
export async function checkPageInBothLanguages(
  page: Page,
  {
    path: pagePath,
    name,
    role,
    ready,
  }: { path: string; name: string; role: string; ready: (page: Page) => Promise<void> },
): Promise<void> {
  for (const locale of [...LANGUAGES].reverse()) {
    await page.goto(pagePath);
    await useLanguage(page, locale);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await ready(page);
    await waitForContent(page);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({
      path: path.join(repoRoot, "e2e", "artifacts", "screenshots", role, `${name}.${locale}.png`),
      fullPage: true,
    });
  }
}
