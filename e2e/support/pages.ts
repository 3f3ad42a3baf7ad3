import { expect, type Page } from "@playwright/test";
import path from "node:path";
import { baseUrl, repoRoot } from "../env";
import { expectNoSeriousA11yViolations } from "./axe";
import { expectOneLanguage, watchConsoleErrors } from "./language";

export const LOCALE_COOKIE = "creditseg-locale";
const LANGUAGES = ["zh-CN", "en"] as const;
/** Widths every page must fit without scrolling sideways: a small laptop and a phone (px). */
export const NARROW_WIDTHS = [1024, 390] as const;

/**
 * Narrows the window to each of NARROW_WIDTHS and checks that the page does not scroll sideways (tables scroll in
 * their own container, charts resize, the navigation folds), saving a screenshot at each width; then restores the
 * window. Soft, like the other page checks.
 */
export async function expectFitsNarrowWidths(page: Page, screenshotPath: (width: number) => string): Promise<void> {
  const viewport = page.viewportSize();
  for (const width of NARROW_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    // Charts resize on a ResizeObserver callback: let two frames pass before measuring.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const fit = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect
      .soft(fit.scrollWidth, `${page.url()} at ${width} px scrolls sideways (${fit.scrollWidth} > ${fit.innerWidth})`)
      .toBeLessThanOrEqual(fit.innerWidth);
    await page.screenshot({ path: screenshotPath(width), fullPage: true });
  }
  if (viewport) await page.setViewportSize(viewport);
}

/** Chooses the interface language for the next page loads, as the language switch does. */
export async function useLanguage(page: Page, locale: (typeof LANGUAGES)[number]): Promise<void> {
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseUrl }]);
}

/** Waits until no loading placeholder is left on the page. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator(".skeleton")).toHaveCount(0, { timeout: 20_000 });
}

/**
 * Opens a page in Chinese and in English and checks each: no text of the other language, no untranslated message
 * key, no serious axe violation, no console error. Failures are soft (the test goes on and fails at its end, listing
 * every page's problems). Saves a full-page screenshot under e2e/artifacts/screenshots/<role>/<name>.<locale>.png,
 * then checks that the page fits 1024 px and 390 px wide (expectFitsNarrowWidths), with a screenshot
 * `<name>.<locale>.<width>px.png` at each. Leaves the page in Chinese.
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
    const consoleErrors = watchConsoleErrors(page);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await ready(page);
    await waitForContent(page);
    await expectOneLanguage(page, locale);
    await expectNoSeriousA11yViolations(page, { soft: true });
    expect.soft(consoleErrors(), `console errors on ${page.url()} (${locale})`).toEqual([]);
    const screenshotDir = path.join(repoRoot, "e2e", "artifacts", "screenshots", role);
    await page.screenshot({ path: path.join(screenshotDir, `${name}.${locale}.png`), fullPage: true });
    await expectFitsNarrowWidths(page, (width) => path.join(screenshotDir, `${name}.${locale}.${width}px.png`));
  }
}
