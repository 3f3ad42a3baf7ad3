"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMessages, useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable, type DataColumn } from "../ui/data-table";
import { FilterBar } from "../ui/filter-bar";
import { MultiSelectField } from "../ui/multi-select-field";
import { SelectField } from "../ui/select-field";
import { useCursorPages } from "../ui/use-cursor-pages";
import { AUDIT_PAGE_SIZE, NO_AUDIT_FILTERS, toAuditListInput, type AuditFilters } from "./audit-filters";
import { AuditDetail } from "./audit-detail";
import { USER_LIST_INPUT } from "./user-list-input";
import { formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";

type AuditEntry = inferRouterOutputs<AppRouter>["audit"]["list"]["items"][number];

/** The audit trail, newest first, filterable by action (by name), actor and date range. */
export function AuditView() {
  const t = useTranslations("audit");
  const tr = useTranslations("roles");
  const ta = useTranslations("auditActions");
  const messages = useMessages();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const trpc = useTRPC();
  const users = useQuery(trpc.user.list.queryOptions(USER_LIST_INPUT));
  const userName = (id: string | null) => {
    const user = users.data?.items.find((u) => u.id === id);
    return user ? `${user.name} · ${user.email}` : (id ?? "—");
  };
  const actionName = (code: string) => (ta.has(code as "user.created") ? ta(code as "user.created") : code);
  // The actions the interface names, nested by area as next-intl reads dotted keys (the catalogue test checks
  // every action written is named there).
  const actionOptions = Object.entries(messages.auditActions).flatMap(([area, actions]) =>
    Object.keys(actions).map((verb) => ({ value: `${area}.${verb}`, label: actionName(`${area}.${verb}`) })),
  );
  const input = toAuditListInput(filters, AUDIT_PAGE_SIZE);
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
          <span translate="no">{row.original.actorId ? userName(row.original.actorId) : t("system")}</span>{" "}
          {row.original.actorRole ? <span className="muted">({tr(row.original.actorRole)})</span> : null}
        </>
      ),
    },
    {
      id: "action",
      header: t("action"),
      accessorFn: (entry) => entry.action,
      cell: ({ row }) => actionName(row.original.action),
    },
    {
      id: "entity",
      header: t("entity"),
      accessorFn: (entry) => `${entry.entityType ?? ""} ${entry.entityId ?? ""}`,
      cell: ({ row }) => (
        <>
          {row.original.entityType && t.has(`entity_${row.original.entityType}` as "entity_user")
            ? t(`entity_${row.original.entityType}` as "entity_user")
            : (row.original.entityType ?? "—")}{" "}
          <span translate="no">{row.original.entityId ?? ""}</span>
        </>
      ),
    },
    {
      id: "detail",
      header: t("detail"),
      enableSorting: false,
      cell: ({ row }) => <AuditDetail detail={row.original.detail} />,
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <FilterBar
        onApply={(form) =>
          setFilters({ ...filters, fromDay: formText(form, "from").trim(), toDay: formText(form, "to").trim() })
        }
        onClear={() => setFilters(NO_AUDIT_FILTERS)}
      >
        <MultiSelectField
          label={t("actionFilter")}
          options={actionOptions}
          value={filters.actions}
          onChange={(actions) => setFilters({ ...filters, actions })}
        />
        <SelectField
          label={t("actor")}
          anyLabel={t("anyActor")}
          options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name} · ${user.email}` }))}
          value={filters.actorId}
          onChange={(actorId) => setFilters({ ...filters, actorId })}
        />
        <label className="field">
          <span>{t("fromDay")}</span>
          <input key={`from-${filters.fromDay}`} name="from" type="date" defaultValue={filters.fromDay} />
        </label>
        <label className="field">
          <span>{t("toDay")}</span>
          <input key={`to-${filters.toDay}`} name="to" type="date" defaultValue={filters.toDay} />
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
