"use client";

import type { RunFailureCode } from "@creditseg/engine";
import { useTranslations } from "next-intl";

type StoredFailure = { code: string; params: Record<string, string | number> };

/** Why a run failed, rendered from the code and parameters it stored; a run without a known code shows its text. */
export function RunFailureText({ failure, error }: { failure: StoredFailure | null; error: string | null }) {
  const t = useTranslations("runs.failure");
  const code = failure?.code as RunFailureCode | undefined;
  if (failure && code && t.has(code)) return <>{t(code, failure.params)}</>;
  return <>{error ?? ""}</>;
}
