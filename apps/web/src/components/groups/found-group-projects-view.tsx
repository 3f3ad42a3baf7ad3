"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { GroupProjectsTable } from "../projects/group-projects-table";
import { EmptyState } from "../ui/states";
import { parseGroupNo } from "./group-inputs";
import { useGroupText } from "./use-group-text";
import { useTRPC } from "~/trpc/react";

/** The projects of one project group a run found in data (the project list filtered by group and run), paged. */
export function FoundGroupProjectsView({ groupNo: groupParam }: { groupNo: string }) {
  const t = useTranslations("groups.projectsOfGroup");
  const trpc = useTRPC();
  const text = useGroupText();
  const selector = readRunSelector(useSearchParams());
  const parsedGroupNo = parseGroupNo(groupParam);
  const isValid = parsedGroupNo !== undefined;
  const groupNo = parsedGroupNo ?? -1;
  const groups = useQuery({ ...trpc.group.projectGroups.queryOptions(selector), enabled: isValid });
  const run = groups.data?.run ?? null;
  const group = groups.data?.groups.find((g) => g.groupNo === groupNo);
  if (!isValid) return <EmptyState title={groupParam} />;
  const name = group ? text.name(group.name, group.groupNo) : `#${groupNo}`;
  return (
    <>
      <div className="page-head">
        <h1>{t("title", { name })}</h1>
        <Link href={run ? `/projects?run=${run.id}` : "/projects"}>{t("back")}</Link>
      </div>
      {run ? <p className="muted">{t("intro", { run: run.id, group: groupNo, period: run.period })}</p> : null}
      <section className="panel" aria-labelledby="group-projects">
        <h2 id="group-projects" className="visually-hidden">
          {t("title", { name })}
        </h2>
        <GroupProjectsTable
          group={{ groupRunId: run?.id ?? 0, groupNo }}
          isEnabled={run !== null}
          isWaiting={groups.isPending}
          waitError={groups.error}
          caption={t("title", { name })}
          empty={<p>{t("empty")}</p>}
          testId="found-group-projects"
        />
      </section>
    </>
  );
}
