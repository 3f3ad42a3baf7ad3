"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { GroupKey } from "../codes/group-key";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { EmptyState } from "../ui/states";
import { GroupProjectsTable } from "./group-projects-table";
import { formatCount } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** The list of projects a roll-up group's figures (and warnings) were computed from: `/projects/group?run=7&key=…`. */
export function rollUpGroupProjectsHref(runId: number, groupKey: string): string {
  return `/projects/group?${new URLSearchParams({ run: String(runId), key: groupKey }).toString()}`;
}

/**
 * The projects a run counted in one industry × region × risk roll-up group (the group a warning names), in the
 * caller's scope, paged; the heading says how many the group counts, so the list can be checked against it.
 */
export function RollUpGroupProjectsView() {
  const t = useTranslations("projects");
  const locale = useLocale();
  const trpc = useTRPC();
  const params = useSearchParams();
  const selector = readRunSelector(params);
  const groupKey = params.get("key")?.slice(0, 300) ?? "";
  const groups = useQuery({ ...trpc.segment.projectGroups.queryOptions(selector), enabled: groupKey !== "" });
  const run = groups.data?.run ?? null;
  const group = groups.data?.groups.find((g) => g.groupKey === groupKey);
  if (!groupKey) return <EmptyState title={t("rollUpProjectsTitle")} />;
  return (
    <>
      <div className="page-head">
        <h1>
          {t("rollUpProjectsTitle")}: <GroupKey value={groupKey} />
        </h1>
        <Link href={run ? `/projects?run=${run.id}` : "/projects"}>{t("rollUpBack")}</Link>
      </div>
      {run ? (
        <p className="muted" data-testid="roll-up-group-count" data-count={group?.projectCount ?? 0}>
          {t("rollUpProjectsIntro", {
            run: run.id,
            period: run.period,
            count: formatCount(group?.projectCount ?? 0, locale),
          })}
        </p>
      ) : null}
      <section className="panel" aria-labelledby="roll-up-projects">
        <h2 id="roll-up-projects" className="visually-hidden">
          {t("rollUpProjectsTitle")}
        </h2>
        <GroupProjectsTable
          group={{ groupRunId: run?.id ?? 0, groupKey }}
          isEnabled={run !== null}
          isWaiting={groups.isPending}
          waitError={groups.error}
          caption={t("rollUpProjectsTitle")}
          empty={<p>{t("rollUpProjectsEmpty")}</p>}
          testId="roll-up-group-projects"
        />
      </section>
    </>
  );
}
