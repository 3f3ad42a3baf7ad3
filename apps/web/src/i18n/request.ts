import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "./config";
import { loadMessages } from "./load-messages";
import { resolveLocale } from "./resolve-locale";

/** next-intl's request configuration, used when the next-intl plugin is enabled in next.config. */
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: TIME_ZONE };
});
