"use client";

import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInForm() {
  const t = useTranslations("signIn");
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      // Every failed sign-in gets the same answer from the server, locked accounts included.
      if (response.status === 429) setError(t("tooMany"));
      else setError(t("invalid"));
    } catch {
      setError(t("failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      // React ignores a handler's promise; onSubmit handles its own errors and shows them.
      onSubmit={(event) => void onSubmit(event)}
      aria-describedby={error ? errorId : undefined}
    >
      <label className="field">
        <span>{t("email")}</span>
        <input name="email" type="email" autoComplete="username" required maxLength={254} />
      </label>
      <label className="field">
        <span>{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      {error ? (
        <p id={errorId} role="alert" className="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={isPending}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
