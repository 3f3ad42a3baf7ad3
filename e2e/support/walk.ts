import { expect, type Page } from "@playwright/test";
import { checkPageInBothLanguages, waitForContent } from "./pages";

export type PageToWalk = { path: string; name: string };

const nameOf = (href: string) => (href === "/" ? "dashboard" : href.replace(/^\//u, "").replace(/\W+/gu, "-"));

/**
 * Every page the signed-in role can reach: the links of its navigation (the app's own list for the role), the
 * loans list, and the first customer's page opened from the customer list.
 */
export async function listPagesToWalk(page: Page): Promise<PageToWalk[]> {
  await page.goto("/");
  await waitForContent(page);
  const hrefs = await page
    .getByRole("navigation")
    .first()
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const paths = [...new Set(hrefs.filter((href) => href.startsWith("/")))];
  const pages = paths.map((href) => ({ path: href, name: nameOf(href) }));
  if (paths.includes("/customers")) {
    pages.push({ path: "/loans", name: "loans" });
    await page.goto("/customers");
    await waitForContent(page);
    const href = await page.getByRole("row").nth(1).getByRole("link").first().getAttribute("href");
    if (href) pages.push({ path: href, name: "customer" });
  }
  return pages;
}

/**
 * Walks every page of the role in zh-CN and in English (checkPageInBothLanguages: other-language text,
 * untranslated keys, axe, console errors, screenshots), each page a step of one test.
 */
export async function walkEveryPage(
  page: Page,
  role: string,
  step: (name: string, body: () => Promise<void>) => Promise<void>,
) {
  const pages = await listPagesToWalk(page);
  expect(pages.length).toBeGreaterThan(2);
  for (const target of pages) {
    await step(`${target.name} (${target.path})`, () =>
      checkPageInBothLanguages(page, {
        ...target,
        role,
        ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible(),
      }),
    );
  }
}
