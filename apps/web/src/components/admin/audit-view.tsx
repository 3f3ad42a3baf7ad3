"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable, type DataColumn } from "../ui/data-table";
import { FilterBar } from "../ui/filter-bar";
import { useCursorPages } from "../ui/use-cursor-pages";
import { formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";

type AuditEntry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

/** The audit trail, newest first, filterable by action. */
export function AuditView() {
  const t = useTranslations("audit");
  const tr = useTranslations("roles");
  const [action, setAction] = useState("");
  const trpc = useTRPC();
  const input = { ...(action ? { actions: [action] } : {}), limit: 100 };
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.audit.list.queryOptions({ ...input, cursor }),
  });
  const columns: DataColumn<AuditEntry>[] = [
    {
      id: "at",
      header: t("at"),
      accessorFn: (entry) => entry.at,
      cell: ({ row }) => formatDateTime(row.original.at),
      meta: { className: "nowrap" },
    },
    {
      id: "actor",
      header: t("actor"),
      accessorFn: (entry) => entry.actorId ?? "",
      cell: ({ row }) => (
        <>
          {row.original.actorId ?? "—"}{" "}
          {row.original.actorRole ? <span className="muted">({tr(row.original.actorRole)})</span> : null}
        </>
      ),
    },
    {
      id: "action",
      header: t("action"),
      accessorFn: (entry) => entry.action,
      cell: ({ row }) => <code>{row.original.action}</code>,
    },
    {
      id: "entity",
      header: t("entity"),
      accessorFn: (entry) => `${entry.entityType ?? ""} ${entry.entityId ?? ""}`,
      cell: ({ row }) => `${row.original.entityType ?? "—"} ${row.original.entityId ?? ""}`,
    },
    {
      id: "detail",
      header: t("detail"),
      enableSorting: false,
      cell: ({ row }) => (
        <code className="wrap-code">{row.original.detail ? JSON.stringify(row.original.detail) : ""}</code>
      ),
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <FilterBar onApply={(form) => setAction(formText(form, "action").trim())}>
        <label className="field">
          <span>{t("actionFilter")}</span>
          <input name="action" defaultValue={action} maxLength={64} placeholder="user.created" />
        </label>
      </FilterBar>
      <section className="panel" aria-label={t("title")}>
        <DataTable
          columns={columns}
          rows={first.data ? items : undefined}
          rowId={(entry) => String(entry.id)}
          caption={t("title")}
          isLoading={first.isPending}
          error={first.error}
          onRetry={() => void first.refetch()}
          empty={<p>{t("empty")}</p>}
          more={more}
          loadingRows={8}
        />
      </section>
    </>
  );
}
