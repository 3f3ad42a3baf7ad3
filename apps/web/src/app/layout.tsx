import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { readMeOrNull } from "~/components/session/read-me";
import { TIME_ZONE } from "~/i18n/config";
import { loadMessages } from "~/i18n/load-messages";
import { resolveLocale } from "~/i18n/resolve-locale";
import { TRPCReactProvider } from "~/trpc/react";
import "~/styles/globals.css";

export const metadata: Metadata = {
  title: "CreditSeg 客户细分",
  description: "Customer segmentation for SME and corporate lending",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await resolveLocale(async () => (await readMeOrNull())?.locale);
  return (
    <html lang={locale}>
      <body>
        {/* Every prop is given, so the provider needs no next-intl request config. */}
        <NextIntlClientProvider
          locale={locale}
          messages={loadMessages(locale)}
          timeZone={TIME_ZONE}
          now={new Date()}
          formats={{}}
        >
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
