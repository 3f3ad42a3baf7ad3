"use client";

import type { ClusterLabel } from "@creditseg/core/clustering";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { WaterfallChart } from "../charts/waterfall-chart";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { useCodeText } from "../codes/use-code-text";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { LoansTable, type LoanTableRow } from "../loans/loans-table";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { CustomerGroupCard } from "../groups/customer-group-card";
import { CustomerReview } from "./customer-review";
import { readGradePoints, readProfileFeatures, readRecommendation, readTierTrace } from "./run-explanations";
import {
  ClusterFeaturesTable,
  CustomerProjectsTable,
  DepositsTable,
  FeesTable,
  FormulaTable,
  GradePointsTable,
  TimelineTable,
  type Deposit,
  type Fee,
  type Project,
} from "./customer-tables";
import { formatAmount, formatPct, toChartYuan } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** The customer page: why the customer sits where it does, what it holds, and the review action. */
export function CustomerView({ customerId }: { customerId: string }) {
  const t = useTranslations("customer");
  const tc = useTranslations("common");
  const locale = useLocale();
  const selector = readRunSelector(useSearchParams());
  const trpc = useTRPC();
  const detail = useQuery({ ...trpc.customer.byId.queryOptions({ customerId, ...selector }), retry: false });
  const labels = useSegmentLabels(detail.data?.cluster ? [detail.data.cluster] : []);
  const codes = useCodeText(labels.clusterLabel);

  if (detail.error) {
    if (detail.error.data?.code === "NOT_FOUND") {
      return (
        <EmptyState title={customerId}>
          <p>{t("notFound")}</p>
          <Link href="/customers">{tc("back")}</Link>
        </EmptyState>
      );
    }
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (detail.isPending) return <LoadingState rows={12} />;
  const data = detail.data;
  const { customer, result } = data;
  // The segment in force in the run; the computed one is shown beside it when an override changed it.
  const tier = result?.effectiveTier ?? null;
  const grade = result?.effectiveGrade ?? null;
  const isTierOverridden = result !== null && result.effectiveTier !== result.tier;
  const isGradeOverridden = result !== null && result.effectiveGrade !== result.grade;
  // An override approved after the shown run finished is not in its results: it applies from the next run.
  const finishedAt = data.run?.finishedAt ?? null;
  const hasOverrideForNextRun = data.overrides.some(
    (o) => o.status === "approved" && (finishedAt === null || (o.decidedAt !== null && o.decidedAt > finishedAt)),
  );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            <span translate="no">{customer.name}</span> <span className="muted">· {customer.customerId}</span>
          </h1>
          {result ? (
            <div className="row" aria-label={t("segments", { run: data.run?.id ?? "" })}>
              <span className="badge info">{labels.tierLabel(tier)}</span>
              {isTierOverridden ? (
                <span className="muted">{t("computedBeside", { value: labels.tierLabel(result.tier) })}</span>
              ) : null}
              <span className="badge">{labels.gradeLabel(grade)}</span>
              {isGradeOverridden ? (
                <span className="muted">{t("computedBeside", { value: labels.gradeLabel(result.grade) })}</span>
              ) : null}
              <span className="badge">{labels.clusterLabel(result.cluster)}</span>
              <span className={`badge ${result.classification === "normal" ? "ok" : "danger"}`}>
                {labels.classificationLabel(result.classification)}
              </span>
              {data.run ? (
                <span className="muted">{tc("runLabel", { id: data.run.id, period: data.run.period })}</span>
              ) : null}
            </div>
          ) : null}
          {result ? <CustomerGroupCard customerId={customer.customerId} runId={data.run?.id} /> : null}
        </div>
      </div>

      {hasOverrideForNextRun ? (
        <p className="notice" role="status" data-testid="override-next-run">
          {t("overrideFromNextRun")}
        </p>
      ) : null}

      <div className="grid-2 section-gap">
        <Panel title={t("profile")} id="profile">
          <dl className="dl">
            <dt>{t("industry")}</dt>
            <dd translate="no">{customer.industry}</dd>
            <dt>{t("region")}</dt>
            <dd translate="no">{customer.region}</dd>
            <dt>{t("size")}</dt>
            <dd>
              <SizeLabel size={customer.size} />
            </dd>
            <dt>{t("rating")}</dt>
            <dd>{customer.creditRating ?? "—"}</dd>
            <dt>{t("officer")}</dt>
            <dd>{customer.officer}</dd>
            <dt>{t("debtRatio")}</dt>
            <dd>{formatPct(customer.debtRatioPct)}</dd>
            <dt>{t("currentRatio")}</dt>
            <dd>{customer.currentRatio ?? "—"}</dd>
            <dt>{t("roa")}</dt>
            <dd>{formatPct(customer.roaPct)}</dd>
            <dt>{t("revenue")}</dt>
            <dd>{formatAmount(customer.revenueFen, locale)}</dd>
          </dl>
        </Panel>
        <Panel title={t("waterfall")} id="waterfall">
          {result ? (
            <>
              <WaterfallChart
                valueLabel={t("total")}
                steps={[
                  { label: t("depositContribution"), value: toChartYuan(result.depositContributionFen) },
                  { label: t("loanContribution"), value: toChartYuan(result.loanContributionFen) },
                  { label: t("feeIncome"), value: toChartYuan(result.feeIncomeFen) },
                  { label: t("total"), value: toChartYuan(result.contributionFen), isTotal: true },
                ]}
              />
              <dl className="dl">
                <dt>{t("depositContribution")}</dt>
                <dd className="num-left">{formatAmount(result.depositContributionFen, locale, "wan")}</dd>
                <dt>{t("loanContribution")}</dt>
                <dd className="num-left">{formatAmount(result.loanContributionFen, locale, "wan")}</dd>
                <dt>{t("feeIncome")}</dt>
                <dd className="num-left">{formatAmount(result.feeIncomeFen, locale, "wan")}</dd>
                <dt>
                  <strong>{t("total")}</strong>
                </dt>
                <dd className="num-left">
                  <strong data-testid="contribution-total">
                    {formatAmount(result.contributionFen, locale, "wan")}
                  </strong>
                </dd>
              </dl>
            </>
          ) : (
            <p className="muted">{t("noTimeline")}</p>
          )}
        </Panel>
      </div>

      {result ? (
        <>
          <Panel title={t("formula")} id="formula">
            <FormulaTable lines={data.contributionLines} basis={data.dayCountBasis} />
          </Panel>
          <div className="grid-2 section-gap">
            <Panel title={t("why")} id="why">
              <h3>{t("tierTrace")}</h3>
              <ol className="trace-list" data-testid="tier-trace">
                {readTierTrace(result.tierTrace).map((step, index) => (
                  <li key={`${step.rule}-${index}`}>
                    <strong>{labels.tierLabel(step.rule)}</strong>{" "}
                    <span className={`badge ${step.matched ? "ok" : ""}`}>
                      {step.matched ? t("matched") : t("notMatched")}
                    </span>
                    {step.conditions.map((condition, conditionIndex) => (
                      <div key={conditionIndex} className="muted">
                        {codes.tierCondition(condition)}
                      </div>
                    ))}
                  </li>
                ))}
              </ol>
              <h3>
                {t("gradePoints")} · {t("score", { score: result.gradeScore })}
              </h3>
              <GradePointsTable points={readGradePoints(result.gradePoints)} />
            </Panel>
            <Panel title={t("clusterProfile")} id="cluster">
              <ClusterSection
                cluster={data.cluster}
                recommendation={readRecommendation(result.recommendation)}
                clusterLabel={labels.clusterLabel}
              />
              <h3 className="form-gap">{t("guidance")}</h3>
              <GuidanceSection guidance={data.guidance} />
            </Panel>
          </div>
        </>
      ) : null}

      <CustomerReview
        customerId={customer.customerId}
        result={result ? { tier: result.tier, grade: result.grade } : null}
        overrides={data.overrides}
        tierLabel={labels.tierLabel}
      />

      <AccountsSection data={data} classificationLabel={labels.classificationLabel} />

      <Panel title={t("timeline")} id="timeline">
        <TimelineTable customerId={customer.customerId} entries={data.timeline} tierLabel={labels.tierLabel} />
      </Panel>
    </>
  );
}

function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function SizeLabel({ size }: { size: string }) {
  const t = useTranslations("sizes");
  return <>{t.has(size as "micro") ? t(size as "micro") : size}</>;
}

function ClusterSection({
  cluster,
  recommendation,
  clusterLabel,
}: {
  cluster: { clusterNo: number; size: number; profile: unknown; label: ClusterLabel } | null;
  recommendation: ReturnType<typeof readRecommendation>;
  clusterLabel: (cluster: number | null) => string;
}) {
  const t = useTranslations("customer");
  const codes = useCodeText(clusterLabel);
  if (!cluster) return <p className="muted">{t("noClusterData")}</p>;
  const features = readProfileFeatures(cluster.profile);
  return (
    <>
      <p>
        <strong>{clusterLabel(cluster.clusterNo)}</strong> · {t("clusterSize", { size: cluster.size })}
      </p>
      {features.length ? <ClusterFeaturesTable features={features} /> : null}
      {recommendation ? (
        <div>
          <h3>{t("recommendation")}</h3>
          <p>
            <span className="badge info">
              {t.has(`action_${recommendation.action}` as "action_keep")
                ? t(`action_${recommendation.action}` as "action_keep")
                : recommendation.action}
            </span>{" "}
            {recommendation.cluster !== null ? clusterLabel(recommendation.cluster) : null}
          </p>
          <p>{codes.recommendationReason(recommendation.reason)}</p>
        </div>
      ) : null}
    </>
  );
}

type Guidance = {
  tier: { textZh: string; textEn: string } | null;
  grade: { textZh: string; textEn: string };
  effective: { pricingFloorPct: number; maxTermMonths: number; requiresCollateral: boolean; approvalLevel: string };
};

function GuidanceSection({ guidance }: { guidance: Guidance | null }) {
  const t = useTranslations("customer");
  const tc = useTranslations("common");
  const locale = useLocale();
  if (!guidance) return <p className="muted">—</p>;
  const text = (entry: { textZh: string; textEn: string }) => (locale === "en" ? entry.textEn : entry.textZh);
  const approvalKey = `approval_${guidance.effective.approvalLevel}`;
  return (
    <>
      {guidance.tier ? <p>{text(guidance.tier)}</p> : null}
      <p>{text(guidance.grade)}</p>
      <dl className="dl">
        <dt>{t("pricingFloor")}</dt>
        <dd>{formatPct(guidance.effective.pricingFloorPct)}</dd>
        <dt>{t("maxTerm")}</dt>
        <dd>{guidance.effective.maxTermMonths}</dd>
        <dt>{t("collateral")}</dt>
        <dd>{guidance.effective.requiresCollateral ? tc("yes") : tc("no")}</dd>
        <dt>{t("approvalLevel")}</dt>
        <dd>
          {t.has(approvalKey as "approval_branch")
            ? t(approvalKey as "approval_branch")
            : guidance.effective.approvalLevel}
        </dd>
      </dl>
    </>
  );
}

type AccountsData = { loans: LoanTableRow[]; deposits: Deposit[]; fees: Fee[]; projects: Project[] };

function AccountsSection({
  data,
  classificationLabel,
}: {
  data: AccountsData;
  classificationLabel: (value: string) => string;
}) {
  const t = useTranslations("customer");
  return (
    <>
      <Panel title={t("loans")} id="loans">
        <LoansTable
          loans={data.loans}
          classificationLabel={classificationLabel}
          columns={{ start: true }}
          caption={t("loans")}
          empty={<p className="muted">{t("noAccounts")}</p>}
        />
      </Panel>
      <div className="grid-2 section-gap">
        <Panel title={t("deposits")} id="deposits">
          <DepositsTable deposits={data.deposits} />
        </Panel>
        <Panel title={t("fees")} id="fees">
          <FeesTable fees={data.fees} />
        </Panel>
      </div>
      <Panel title={t("projects")} id="projects">
        <CustomerProjectsTable projects={data.projects} />
      </Panel>
    </>
  );
}
