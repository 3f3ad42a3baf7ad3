import { Suspense } from "react";
import { SignInForm } from "~/components/sign-in/sign-in-form";
import { LocaleSwitcher } from "~/components/shell/locale-switcher";
import { getServerTranslator } from "~/i18n/server-translator";

export default async function SignInPage() {
  const t = await getServerTranslator();
  return (
    <main className="signin">
      <div className="page-head">
        <h1>
          {t("common.appName")} · {t("signIn.title")}
        </h1>
        <LocaleSwitcher isSignedIn={false} />
      </div>
      <p className="muted">{t("common.tagline")}</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
