import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./config";

/**
 * The request's interface language: the cookie set by the language switch, else the signed-in
 * user's saved language (read only when there is no cookie), else the browser's preference.
 */
export async function resolveLocale(readUserLocale?: () => Promise<string | null | undefined>): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const fromUser = readUserLocale ? await readUserLocale().catch(() => null) : null;
  if (isLocale(fromUser)) return fromUser;
  const accepted = (await headers()).get("accept-language") ?? "";
  return /^\s*en\b/i.test(accepted) ? "en" : DEFAULT_LOCALE;
}
