"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Ends the session (the server deletes it and clears the cookie), then shows the sign-in page. */
export function SignOutButton() {
  const t = useTranslations("common");
  const router = useRouter();
  const [isPending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={isPending}
      // React ignores a handler's promise; `void` marks that on purpose. The redirect follows the sign-out.
      onClick={() =>
        void (async () => {
          setPending(true);
          await fetch("/api/auth/sign-out", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: "{}",
          });
          router.replace("/sign-in");
          router.refresh();
        })()
      }
    >
      {t("signOut")}
    </button>
  );
}
