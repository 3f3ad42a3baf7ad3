"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { SelectField } from "../ui/select-field";
import { LOCALE_COOKIE, LOCALES, isLocale, type Locale } from "~/i18n/config";
import { useTRPC } from "~/trpc/react";

const LANGUAGE_NAMES: Record<Locale, string> = { "zh-CN": "简体中文", en: "English" };
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Switches the interface language: remembered in this browser (cookie) and, when signed in, in the
 * user's profile so it follows them to another browser.
 */
export function LocaleSwitcher({ isSignedIn }: { isSignedIn: boolean }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const saveLocale = useMutation(trpc.user.setMyLocale.mutationOptions());

  async function choose(next: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    if (isSignedIn) await saveLocale.mutateAsync({ locale: next }).catch(() => undefined);
    router.refresh();
  }

  return (
    <SelectField
      className="locale-switcher"
      label={t("language")}
      isLabelHidden
      value={locale}
      onChange={(value) => isLocale(value) && void choose(value)}
      options={LOCALES.map((option) => ({ value: option, label: LANGUAGE_NAMES[option], lang: option }))}
    />
  );
}
