"use client";

import { useTranslations } from "next-intl";

/** Detail fields whose values are codes, with the catalogue key prefix that names them. */
const VALUE_KEYS: Record<string, string> = {
  role: "roles.",
  from: "roles.",
  to: "roles.",
  kind: "uploads.kind_",
  mode: "auditValues.mode_",
  reason: "auditValues.reason_",
  reasonCode: "customer.reason_",
  field: "auditValues.field_",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An audit row's detail (ids, codes, counts, comments: never customer data) as named fields: each key by its
 * catalogue name, coded values translated, ids and typed comments shown as they are.
 */
export function AuditDetail({ detail }: { detail: unknown }) {
  const t = useTranslations();
  if (!isRecord(detail)) return null;
  const entries = Object.entries(detail).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return null;
  const name = (key: string) =>
    t.has(`auditDetail.${key}` as "auditDetail.comment") ? t(`auditDetail.${key}` as "auditDetail.comment") : key;
  const value = (key: string, raw: unknown): string => {
    if (Array.isArray(raw)) return raw.map((item) => value(key, item)).join(", ");
    if (isRecord(raw))
      return Object.entries(raw)
        .map(([k, v]) => `${name(k)} ${value(k, v)}`)
        .join(" · ");
    const text = String(raw);
    const prefix = VALUE_KEYS[key];
    const coded = prefix ? `${prefix}${text}` : null;
    return coded && t.has(coded as "roles.admin") ? t(coded as "roles.admin") : text;
  };
  return (
    <dl className="audit-detail">
      {entries.map(([key, raw]) => (
        <div key={key}>
          <dt>{name(key)}</dt>
          <dd translate="no">{value(key, raw)}</dd>
        </div>
      ))}
    </dl>
  );
}
