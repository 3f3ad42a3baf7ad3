import { expect, test, type Page } from "@playwright/test";

/**
 * A page whose first screen is a query, and what of it the server's HTML must already hold. `path` is opened
 * directly, or — for pages addressed by an id the seeded world decides (a run, a group) — `from` is opened and its
 * first link matching `link` is followed. `shows` is the data the first paint shows: rows of a table, facts of a
 * run. `orEmpty` accepts a list's empty state instead, for lists the seeded world may leave empty.
 */
export type FirstPaintPage = {
  name: string;
  path?: string;
  from?: { path: string; link: string };
  shows: string;
  orEmpty?: boolean;
};

/**
 * Opens each page with JavaScript off: what is on the page is the server's HTML only. The server prefetch and the
 * browser's first query must ask the same (filters from the URL, page size, sort): if they differ, the server
 * renders the view's loading placeholder instead of the rows, and the browser fetches again after hydration.
 * Streamed parts of the HTML stay hidden without JavaScript, so the data is checked as present, not as visible.
 * A placeholder anywhere (`.skeleton`) means a query the server did not fetch, or fetched with another input.
 */
export function describeFirstPaint(role: string, pages: readonly FirstPaintPage[]): void {
  test.describe(`[${role}] first paint from the server`, () => {
    test.use({ javaScriptEnabled: false });
    for (const entry of pages) {
      test(`[${role}] ${entry.name}: the server's HTML holds the data, no loading placeholder`, async ({ page }) => {
        await page.goto(await resolvePath(page, entry));
        await expect(page.locator("main#main")).toBeAttached();
        // Not scoped to `main`: without JavaScript a streamed part stays where it arrived, at the end of the body.
        const shows = page.locator(entry.shows);
        const data = entry.orEmpty ? shows.or(page.locator(".state:not(.error)")) : shows;
        await expect(data.first()).toBeAttached();
        await expect(page.locator(".skeleton")).toHaveCount(0);
        await expect(page.locator(".state.error, [role=alert]")).toHaveCount(0);
      });
    }
  });
}

async function resolvePath(page: Page, entry: FirstPaintPage): Promise<string> {
  if (entry.path) return entry.path;
  if (!entry.from) throw new Error(`${entry.name}: give a path or a page to start from`);
  await page.goto(entry.from.path);
  const href = await page.locator(entry.from.link).first().getAttribute("href");
  if (!href) throw new Error(`${entry.name}: no link ${entry.from.link} on ${entry.from.path}`);
  return href;
}
