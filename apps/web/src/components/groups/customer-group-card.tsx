"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { customerGroupHref } from "./customer-groups-view";
import { useGroupText } from "./use-group-text";
import { useTRPC } from "~/trpc/react";

/** The customer group (客户群体) a customer is in for the run, linking to it, and the guidance the group brings. */
export function CustomerGroupCard({ customerId, runId }: { customerId: string; runId?: number }) {
  const t = useTranslations("groups.card");
  const trpc = useTRPC();
  const text = useGroupText();
  const query = useQuery(trpc.group.ofCustomer.queryOptions({ customerId, ...(runId ? { runId } : {}) }));
  const data = query.data;
  if (!data?.run) return null;
  const group = data.group;
  return (
    <div className="row" data-testid="customer-group" aria-label={t("title")}>
      <span className="muted">{t("title")}:</span>
      {group ? (
        <>
          <Link className="badge info" href={customerGroupHref(data.run.id, group.groupNo)}>
            {text.nameNode(group.name, group.groupNo)}
          </Link>
          {group.guidance.length > 0 ? (
            <span data-testid="customer-group-guidance">
              <span className="muted">{t("guidance")}: </span>
              {group.guidance.map((m) => text.guidance(m.code)).join("、")}
            </span>
          ) : null}
        </>
      ) : (
        <span className="muted">{t("none")}</span>
      )}
    </div>
  );
}
