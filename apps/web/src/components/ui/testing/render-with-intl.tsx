import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement, ReactNode } from "react";
import { loadMessages } from "~/i18n/load-messages";

/** Renders a component with the app's real message catalogue for `locale` (kept on rerender), as the root layout does. */
export function renderWithIntl(ui: ReactElement, locale: "zh-CN" | "en" = "en") {
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <NextIntlClientProvider locale={locale} messages={loadMessages(locale)} timeZone="Asia/Shanghai">
        {children}
      </NextIntlClientProvider>
    );
  }
  return render(ui, { wrapper: Wrapper });
}
