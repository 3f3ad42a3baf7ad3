import "server-only";
import { createTranslator } from "next-intl";
import { readMeOrNull } from "~/components/session/read-me";
import { loadMessages } from "./load-messages";
import { resolveLocale } from "./resolve-locale";

/** Translations for server components, resolved like the root layout does (no next-intl plugin needed). */
export async function getServerTranslator() {
  const locale = await resolveLocale(async () => (await readMeOrNull())?.locale);
  return createTranslator({ locale, messages: loadMessages(locale) });
}
