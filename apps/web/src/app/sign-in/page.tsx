"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useState, type FormEvent } from "react";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

function SignInForm() {
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    });
    setPending(false);
    if (response.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    if (body?.code === "ACCOUNT_LOCKED") setError(body.message ?? "账户已锁定 The account is locked.");
    else if (response.status === 429) setError("尝试次数过多，请稍后再试 Too many attempts; wait a minute.");
    else setError("邮箱或密码错误 Invalid email or password.");
  }

  return (
    <form onSubmit={onSubmit} style={{ display: "grid", gap: "0.75rem", maxWidth: "20rem" }}>
      <label>
        邮箱 Email
        <input name="email" type="email" autoComplete="username" required maxLength={254} style={{ display: "block", width: "100%" }} />
      </label>
      <label>
        密码 Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} style={{ display: "block", width: "100%" }} />
      </label>
      {error && (
        <p role="alert" style={{ color: "#a50000", margin: 0 }}>
          {error}
        </p>
      )}
      <button type="submit" disabled={isPending}>
        {isPending ? "登录中… Signing in…" : "登录 Sign in"}
      </button>
    </form>
  );
}

export default function SignInPage() {
  return (
    <main>
      <h1 style={{ fontSize: "1.25rem" }}>CreditSeg 登录 Sign in</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
