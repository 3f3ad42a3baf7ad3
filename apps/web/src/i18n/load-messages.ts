import { REASON_MESSAGES, type ReasonMessages } from "@creditseg/ingest/reasons";
import type { Locale } from "./config";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";

/**
 * The app's catalogue plus the import reasons, which ingest words once for every output (web, report, CLI):
 * `ingestReasons.reasons.<code>`, `ingestReasons.details.<param>`.
 */
export type Messages = typeof en & { ingestReasons: ReasonMessages };

const catalogues: Record<Locale, Messages> = {
  "zh-CN": { ...zhCN, ingestReasons: REASON_MESSAGES["zh-CN"] },
  en: { ...en, ingestReasons: REASON_MESSAGES.en },
};

/** The message catalogue of a language (both are bundled: they are small). */
export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}
