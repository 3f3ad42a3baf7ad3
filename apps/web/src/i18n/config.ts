/** Interface languages: Simplified Chinese first (bank staff read it first), then English. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Cookie that remembers the chosen language in this browser; the user's profile remembers it across browsers. */
export const LOCALE_COOKIE = "creditseg-locale";

/** Dates and times are shown in the bank's time zone. */
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
