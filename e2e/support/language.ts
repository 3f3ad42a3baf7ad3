import { findOtherLanguageWords } from "@creditseg/core";
import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../env";

export type PageLocale = "zh-CN" | "en";

/** The catalogues' namespaces: text like "customer.reasonCode" on a page is a key next-intl could not find. */
const NAMESPACES = Object.keys(
  JSON.parse(readFileSync(path.join(repoRoot, "apps", "web", "messages", "en.json"), "utf8")) as object,
);
const UNTRANSLATED_KEY = new RegExp(`\\b(?:${NAMESPACES.join("|")})\\.[A-Za-z_][\\w.]*`, "u");

/**
 * The page's readable text, piece by piece: visible text nodes (SVG chart labels included) and the labels a
 * screen reader or a hover shows (aria-label, placeholder, title, alt). Left out: what the page marks as not for
 * translation (`translate="no"`: names, ids, the bank's own data) and parts declared in another language (the
 * language switch's 中文 / English).
 */
async function readPageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    const isSkipped = (el: Element) =>
      el.closest('[translate="no"], script, style, noscript, template') !== null ||
      (el.closest("[lang]")?.getAttribute("lang") ?? lang) !== lang;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || isSkipped(el)) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      texts.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
      if (isSkipped(el)) continue;
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Fails (softly: every page is checked) on text of the other language and on message keys shown as text. */
export async function expectOneLanguage(page: Page, locale: PageLocale): Promise<void> {
  const texts = await readPageTexts(page);
  const foreign = [
    ...new Set(texts.filter((text) => findOtherLanguageWords(text, locale).length > 0).map((t) => t.slice(0, 120))),
  ];
  expect.soft(foreign.slice(0, 25), `text of the other language on ${page.url()} (${locale})`).toEqual([]);
  const keys = [...new Set(texts.filter((text) => UNTRANSLATED_KEY.test(text)))];
  expect.soft(keys.slice(0, 25), `untranslated message keys on ${page.url()} (${locale})`).toEqual([]);
}

/** Collects the page's console errors and uncaught exceptions from now on; read them with the returned function. */
export function watchConsoleErrors(page: Page): () => string[] {
  const errors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error") errors.push(message.text().slice(0, 300));
  };
  const onError = (error: Error) => errors.push(`uncaught: ${error.message.slice(0, 300)}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  return () => {
    page.off("console", onConsole);
    page.off("pageerror", onError);
    return [...errors];
  };
}
