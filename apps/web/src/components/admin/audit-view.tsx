"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";

/** The audit trail, newest first, filterable by action. */
export function AuditView() {
  const t = useTranslations("audit");
  const tc = useTranslations("common");
  const tr = useTranslations("roles");
  const [action, setAction] = useState("");
  const trpc = useTRPC();
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...(action ? { actions: [action] } : {}), limit: 100 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <h1>{t("title")}</h1>
      <form
        className="panel filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setAction(formText(new FormData(event.currentTarget), "action").trim());
        }}
      >
        <label className="field">
          <span>{t("actionFilter")}</span>
          <input name="action" defaultValue={action} maxLength={64} placeholder="user.created" />
        </label>
        <button type="submit" className="primary">
          {tc("apply")}
        </button>
      </form>
      <section className="panel" aria-label={t("title")}>
        {entries.error ? (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ) : entries.isPending ? (
          <LoadingState rows={8} />
        ) : items.length === 0 ? (
          <EmptyState>
            <p>{t("empty")}</p>
          </EmptyState>
        ) : (
          <>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("at")}</th>
                  <th scope="col">{t("actor")}</th>
                  <th scope="col">{t("action")}</th>
                  <th scope="col">{t("entity")}</th>
                  <th scope="col">{t("detail")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="nowrap">{formatDateTime(entry.at)}</td>
                    <td>
                      {entry.actorId ?? "—"}{" "}
                      {entry.actorRole ? <span className="muted">({tr(entry.actorRole)})</span> : null}
                    </td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      {entry.entityType ?? "—"} {entry.entityId ?? ""}
                    </td>
                    <td>
                      <code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                        {entry.detail ? JSON.stringify(entry.detail) : ""}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {entries.hasNextPage ? (
              <button
                type="button"
                onClick={() => void entries.fetchNextPage()}
                disabled={entries.isFetchingNextPage}
                style={{ marginTop: "0.5rem" }}
              >
                {tc("more")}
              </button>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
