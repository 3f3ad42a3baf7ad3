import type { Locale } from "./config";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { "zh-CN": zhCN, en };

/** The message catalogue of a language (both are bundled: they are small). */
export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}
