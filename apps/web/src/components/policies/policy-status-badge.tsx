"use client";

import { useTranslations } from "next-intl";

const TONE: Record<string, string> = { active: "ok", submitted: "warn", draft: "info", rejected: "danger" };

export function PolicyStatusBadge({ status }: { status: string }) {
  const t = useTranslations("policyStatus");
  return (
    <span className={`badge ${TONE[status] ?? ""}`}>{t.has(status as "draft") ? t(status as "draft") : status}</span>
  );
}
