"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { WaterfallChart } from "../charts/waterfall-chart";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { LoansTable } from "../loans/loans-table";
import { CustomerReview } from "./customer-review";
import { readGradePoints, readProfileFeatures, readRecommendation, readTierTrace } from "./run-explanations";
import { formatAmount, formatDate, formatPct, formatWanNumber, toWanNumber } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** The customer page: why the customer sits where it does, what it holds, and the review action. */
export function CustomerView({ customerId }: { customerId: string }) {
  const t = useTranslations("customer");
  const tc = useTranslations("common");
  const runParam = Number(useSearchParams().get("run"));
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.customer.byId.queryOptions({
      customerId,
      ...(Number.isInteger(runParam) && runParam > 0 ? { runId: runParam } : {}),
    }),
    retry: false,
  });
  const labels = useSegmentLabels(detail.data?.cluster ? [detail.data.cluster] : []);

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
            {customer.name} <span className="muted">· {customer.customerId}</span>
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
        </div>
      </div>

      {hasOverrideForNextRun ? (
        <p className="notice" role="status" data-testid="override-next-run">
          {t("overrideFromNextRun")}
        </p>
      ) : null}

      <div className="grid-2" style={{ marginBottom: "0.9rem" }}>
        <Panel title={t("profile")} id="profile">
          <dl className="dl">
            <dt>{t("industry")}</dt>
            <dd>{customer.industry}</dd>
            <dt>{t("region")}</dt>
            <dd>{customer.region}</dd>
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
            <dd>{formatAmount(customer.revenueFen)}</dd>
          </dl>
        </Panel>
        <Panel title={t("waterfall")} id="waterfall">
          {result ? (
            <>
              <WaterfallChart
                valueLabel="万元"
                steps={[
                  { label: t("depositContribution"), value: toWanNumber(result.depositContributionFen) },
                  { label: t("loanContribution"), value: toWanNumber(result.loanContributionFen) },
                  { label: t("feeIncome"), value: toWanNumber(result.feeIncomeFen) },
                  { label: t("total"), value: toWanNumber(result.contributionFen), isTotal: true },
                ]}
              />
              <dl className="dl">
                <dt>{t("depositContribution")}</dt>
                <dd className="num" style={{ textAlign: "left" }}>
                  {formatAmount(result.depositContributionFen, "wan")}
                </dd>
                <dt>{t("loanContribution")}</dt>
                <dd className="num" style={{ textAlign: "left" }}>
                  {formatAmount(result.loanContributionFen, "wan")}
                </dd>
                <dt>{t("feeIncome")}</dt>
                <dd className="num" style={{ textAlign: "left" }}>
                  {formatAmount(result.feeIncomeFen, "wan")}
                </dd>
                <dt>
                  <strong>{t("total")}</strong>
                </dt>
                <dd className="num" style={{ textAlign: "left" }}>
                  <strong data-testid="contribution-total">{formatAmount(result.contributionFen, "wan")}</strong>
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
          <div className="grid-2" style={{ marginBottom: "0.9rem" }}>
            <Panel title={t("why")} id="why">
              <h3>{t("tierTrace")}</h3>
              <ol style={{ margin: "0 0 0.75rem", paddingLeft: "1.2rem" }} data-testid="tier-trace">
                {readTierTrace(result.tierTrace).map((step, index) => (
                  <li key={`${step.rule}-${index}`}>
                    <strong>{labels.tierLabel(step.rule)}</strong>{" "}
                    <span className={`badge ${step.matched ? "ok" : ""}`}>
                      {step.matched ? t("matched") : t("notMatched")}
                    </span>
                    {step.reasons.length ? <div className="muted">{step.reasons.join("; ")}</div> : null}
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
              <h3 style={{ marginTop: "0.75rem" }}>{t("guidance")}</h3>
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
        {data.timeline.length === 0 ? (
          <p className="muted">{t("noTimeline")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{tc("run")}</th>
                  <th scope="col">{tc("period")}</th>
                  <th scope="col">{t("tier")}</th>
                  <th scope="col">{t("grade")}</th>
                  <th scope="col">{t("cluster")}</th>
                  <th scope="col" className="num">
                    {t("total")} (万元)
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.timeline.map((entry) => (
                  <tr key={entry.runId}>
                    <td>
                      <Link href={`/customers/${encodeURIComponent(customer.customerId)}?run=${entry.runId}`}>
                        #{entry.runId}
                      </Link>
                    </td>
                    <td>{entry.period}</td>
                    <td>
                      {labels.tierLabel(entry.effectiveTier)}
                      {entry.effectiveTier !== entry.tier ? (
                        <span className="muted"> {t("computedBeside", { value: labels.tierLabel(entry.tier) })}</span>
                      ) : null}
                    </td>
                    <td>
                      {entry.effectiveGrade}
                      {entry.effectiveGrade !== entry.grade ? (
                        <span className="muted"> {t("computedBeside", { value: entry.grade })}</span>
                      ) : null}
                    </td>
                    <td>{entry.cluster === null ? "—" : `#${entry.cluster}`}</td>
                    <td className="num">{formatWanNumber(entry.contributionFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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

type ContributionLine = {
  accountKind: string;
  accountId: string;
  balanceFen: bigint;
  ratePct: string;
  ftpRatePct: string | null;
  ftpMaxTermMonths: number | null;
  ftpSource: string | null;
  taxRatePct: string | null;
  days: number;
  resultFen: bigint;
};

/** Every account's contribution as the run priced it (its stored lines), so a figure can be recomputed by hand. */
function FormulaTable({ lines, basis }: { lines: ContributionLine[]; basis: number | null }) {
  const t = useTranslations("customer");
  if (lines.length === 0) return <p className="muted">{t("contributionLinesMissing")}</p>;
  const sideLabel = (kind: string) =>
    kind === "loan" ? t("sideLoan") : kind === "deposit" ? t("sideDeposit") : t("sideFee");
  return (
    <>
      <p className="muted">{t("formulaNote", { basis: basis ?? 360 })}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("side")}</th>
              <th scope="col">{t("account")}</th>
              <th scope="col" className="num">
                {t("balance")} (万元)
              </th>
              <th scope="col" className="num">
                {t("rate")}
              </th>
              <th scope="col">{t("ftpBucket")}</th>
              <th scope="col" className="num">
                {t("ftp")}
              </th>
              <th scope="col" className="num">
                {t("tax")}
              </th>
              <th scope="col" className="num">
                {t("days")}
              </th>
              <th scope="col" className="num">
                {t("result")} (万元)
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.accountKind}-${line.accountId}`}>
                <td>{sideLabel(line.accountKind)}</td>
                <td className="nowrap">{line.accountId}</td>
                <td className="num">{formatWanNumber(line.balanceFen)}</td>
                <td className="num">{line.accountKind === "fee" ? "—" : line.ratePct}</td>
                <td className="nowrap">
                  {line.ftpRatePct === null
                    ? "—"
                    : line.ftpMaxTermMonths === null
                      ? t("bucketOpen")
                      : t("bucketUpTo", { months: line.ftpMaxTermMonths })}
                </td>
                <td className="num">{line.ftpRatePct ?? "—"}</td>
                <td className="num">{line.taxRatePct ?? "—"}</td>
                <td className="num">{line.days}</td>
                <td className="num">{formatWanNumber(line.resultFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function GradePointsTable({ points }: { points: ReturnType<typeof readGradePoints> }) {
  const t = useTranslations("customer");
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t("factor")}</th>
          <th scope="col">{t("value")}</th>
          <th scope="col">{t("bin")}</th>
          <th scope="col" className="num">
            {t("points")}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => {
          const key = `factor_${point.factor}`;
          return (
            <tr key={point.factor}>
              <td>{t.has(key as "factor_size") ? t(key as "factor_size") : point.factor}</td>
              <td>{point.value ?? "—"}</td>
              <td>{point.bin}</td>
              <td className="num">{point.points}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ClusterSection({
  cluster,
  recommendation,
  clusterLabel,
}: {
  cluster: { clusterNo: number; size: number; profile: unknown; labelZh: string; labelEn: string } | null;
  recommendation: ReturnType<typeof readRecommendation>;
  clusterLabel: (cluster: number | null) => string;
}) {
  const t = useTranslations("customer");
  const tClusters = useTranslations("clusters");
  const locale = useLocale();
  if (!cluster) return <p className="muted">{t("noClusterData")}</p>;
  const features = readProfileFeatures(cluster.profile);
  return (
    <>
      <p>
        <strong>{clusterLabel(cluster.clusterNo)}</strong> · {t("clusterSize", { size: cluster.size })}
      </p>
      {features.length ? (
        <table className="data" style={{ marginBottom: "0.6rem" }}>
          <thead>
            <tr>
              <th scope="col">{t("factor")}</th>
              <th scope="col" className="num">
                {tClusters("median")}
              </th>
              <th scope="col" className="num">
                {tClusters("mean")}
              </th>
            </tr>
          </thead>
          <tbody>
            {features.map(([name, summary]) => {
              const key = `feature_${name}`;
              return (
                <tr key={name}>
                  <td>{tClusters.has(key as "feature_rate") ? tClusters(key as "feature_rate") : name}</td>
                  <td className="num">{summary.median.toLocaleString(undefined, { maximumFractionDigits: 2 })}</td>
                  <td className="num">{summary.mean.toLocaleString(undefined, { maximumFractionDigits: 2 })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
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
          <p>{locale === "en" ? recommendation.reasonEn : recommendation.reasonZh}</p>
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

type AccountsData = {
  loans: {
    loanId: string;
    product: string;
    amountFen: bigint;
    ratePct: string;
    termMonths: number;
    startDate: string;
    maturityDate: string;
    guarantee: string;
    classification: string;
    avgDailyBalanceFen: bigint;
  }[];
  deposits: {
    accountId: string;
    product: string;
    avgDailyBalanceFen: bigint;
    ratePct: string;
    termMonths: number;
    days: number;
  }[];
  fees: { lineKey: string; type: string; amountFen: bigint; date: string }[];
  projects: {
    projectId: string;
    name: string;
    industry: string;
    region: string;
    loanAmountFen: bigint;
    riskLevel: string;
    status: string;
    overdueDays: number;
    isDowngraded: boolean;
  }[];
};

function AccountsSection({
  data,
  classificationLabel,
}: {
  data: AccountsData;
  classificationLabel: (value: string) => string;
}) {
  const t = useTranslations("customer");
  const td = useTranslations("depositProducts");
  const tc = useTranslations("common");
  const none = <p className="muted">{t("noAccounts")}</p>;
  return (
    <>
      <Panel title={t("loans")} id="loans">
        {data.loans.length === 0 ? (
          none
        ) : (
          <LoansTable loans={data.loans} classificationLabel={classificationLabel} columns={{ start: true }} />
        )}
      </Panel>
      <div className="grid-2" style={{ marginBottom: "0.9rem" }}>
        <Panel title={t("deposits")} id="deposits">
          {data.deposits.length === 0 ? (
            none
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("account")}</th>
                  <th scope="col">{t("product")}</th>
                  <th scope="col" className="num">
                    {t("balance")} (万元)
                  </th>
                  <th scope="col" className="num">
                    {t("rate")}
                  </th>
                  <th scope="col" className="num">
                    {t("term")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.deposits.map((deposit) => (
                  <tr key={deposit.accountId}>
                    <td className="nowrap">{deposit.accountId}</td>
                    <td>{td.has(deposit.product as "demand") ? td(deposit.product as "demand") : deposit.product}</td>
                    <td className="num">{formatWanNumber(deposit.avgDailyBalanceFen)}</td>
                    <td className="num">{deposit.ratePct}</td>
                    <td className="num">{deposit.termMonths}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
        <Panel title={t("fees")} id="fees">
          {data.fees.length === 0 ? (
            none
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("date")}</th>
                  <th scope="col">{t("feeType")}</th>
                  <th scope="col" className="num">
                    {t("amount")} (万元)
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.fees.map((fee) => (
                  <tr key={fee.lineKey}>
                    <td className="nowrap">{formatDate(fee.date)}</td>
                    <td>{fee.type}</td>
                    <td className="num">{formatWanNumber(fee.amountFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
      <Panel title={t("projects")} id="projects">
        {data.projects.length === 0 ? (
          none
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("projectName")}</th>
                <th scope="col">{t("riskLevel")}</th>
                <th scope="col">{tc("status")}</th>
                <th scope="col" className="num">
                  {t("loanAmount")} (万元)
                </th>
                <th scope="col" className="num">
                  {t("overdueDays")}
                </th>
                <th scope="col">{t("downgraded")}</th>
              </tr>
            </thead>
            <tbody>
              {data.projects.map((project) => (
                <tr key={project.projectId}>
                  <td>
                    {project.name} <span className="muted">{project.projectId}</span>
                  </td>
                  <td>{project.riskLevel}</td>
                  <td>{project.status}</td>
                  <td className="num">{formatWanNumber(project.loanAmountFen)}</td>
                  <td className="num">{project.overdueDays}</td>
                  <td>{project.isDowngraded ? tc("yes") : tc("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
