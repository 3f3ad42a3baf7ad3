"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";

/**
 * The seed's distinction on the dashboard: 客户细分 (rules people set — tiers and grades) beside 客户群体 (groups
 * found in data — benefit clusters of loans, customer groups, project groups), each with one sentence saying what
 * it is and how many of each the run holds.
 */
export function SegmentationAndGrouping({
  runId,
  tierCount,
  gradeCount,
  clusterCount,
}: {
  runId: number;
  tierCount: number;
  gradeCount: number;
  clusterCount: number;
}) {
  const t = useTranslations("groups.kinds");
  const trpc = useTRPC();
  const customerGroups = useQuery(trpc.group.customerGroups.queryOptions({ runId }));
  const projectGroups = useQuery(trpc.group.projectGroups.queryOptions({ runId }));
  const warnings = (projectGroups.data?.groups ?? []).reduce((n, g) => n + g.warnings.length, 0);
  return (
    <section className="grid-2 section-gap" aria-label={t("title")} data-testid="segmentation-and-grouping">
      <div className="panel" data-testid="kind-segmentation">
        <h2>{t("segmentationTitle")}</h2>
        <p>{t("segmentationBody")}</p>
        <ul>
          <li>{t("tiers", { n: tierCount })}</li>
          <li>{t("grades", { n: gradeCount })}</li>
        </ul>
        <Link href={`/customers?run=${runId}`}>{t("openCustomers")}</Link>
      </div>
      <div className="panel" data-testid="kind-grouping">
        <h2>{t("groupingTitle")}</h2>
        <p>{t("groupingBody")}</p>
        <ul>
          <li>{t("clusters", { n: clusterCount })}</li>
          <li>{t("customerGroups", { n: customerGroups.data?.groups.length ?? 0 })}</li>
          <li>{t("projectGroups", { n: projectGroups.data?.groups.length ?? 0, warnings })}</li>
        </ul>
        <div className="row">
          <Link href={`/groups?run=${runId}`}>{t("openGroups")}</Link>
          <Link href={`/projects?run=${runId}`}>{t("openProjects")}</Link>
        </div>
      </div>
    </section>
  );
}
