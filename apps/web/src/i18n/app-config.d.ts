import type { Locale } from "./config";
import type { Messages } from "./load-messages";

/**
 * next-intl's type augmentation: every `t("…")` key and `useLocale()` is checked against the English catalogue
 * (the catalogue test keeps zh-CN's keys the same), so a mistyped or missing key fails `tsc`, not a page.
 */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
