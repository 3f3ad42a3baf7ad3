"use client";

import { useTranslations } from "next-intl";

const TONE: Record<string, string> = { succeeded: "ok", failed: "danger", running: "info", queued: "warn" };

export function RunStatusBadge({ status }: { status: string }) {
  const t = useTranslations("runStatus");
  return (
    <span className={`badge ${TONE[status] ?? ""}`}>{t.has(status as "queued") ? t(status as "queued") : status}</span>
  );
}
