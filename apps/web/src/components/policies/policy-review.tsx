"use client";

import { bankDate, previousYearPeriod } from "@creditseg/core/calendar";
import { parsePolicy } from "@creditseg/core/policy";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { QueryView } from "../ui/states";
import { FtpCurveTable } from "./ftp-curve-table";
import { PolicyDiffTable } from "./policy-diff-table";
import { PolicyImpactView } from "./policy-impact-view";
import { useTRPC } from "~/trpc/react";
import { usePolicyPreview } from "./use-policy-preview";

/** The year before the bank's date when no run names a period yet (as the draft editor's preview). */
const fallbackPeriod = () => previousYearPeriod(bankDate(new Date()));

/**
 * Everything the approving risk manager weighs, beside the decision: the change note, the fields the version changes
 * against the active one, its impact preview on the current run's period, and the FTP curve it will price on.
 */
export function PolicyReview({
  version,
  name,
  changeNote,
  decision,
}: {
  version: number;
  name: string;
  changeNote: string | null;
  /** The approve / reject controls. */
  decision: React.ReactNode;
}) {
  const t = useTranslations("policies");
  const trpc = useTRPC();
  const current = useQuery(trpc.segmentRun.current.queryOptions({}));
  const period = current.data?.period ?? (current.isFetched ? fallbackPeriod() : undefined);
  const diff = useQuery(trpc.policy.diff.queryOptions({ version }));
  const document = useQuery(trpc.policy.byVersion.queryOptions({ version }));
  const impact = usePolicyPreview({ version, period: period ?? fallbackPeriod() }, { enabled: period !== undefined });
  const parsed = document.data ? parsePolicy(document.data.document) : null;
  const headingId = `review-v${version}`;
  return (
    <section className="panel" aria-labelledby={headingId} id={headingId} data-testid={`policy-review-${version}`}>
      <h2 id={headingId}>{t("review", { version, name })}</h2>
      <p className="muted">{t("reviewIntro")}</p>
      <dl className="dl">
        <dt>{t("changeNote")}</dt>
        <dd translate="no">{changeNote || "—"}</dd>
      </dl>
      <h3 className="block-gap">{t("diff")}</h3>
      <QueryView query={diff}>
        {(data) => <PolicyDiffTable changes={data.changes} testId={`review-diff-${version}`} />}
      </QueryView>
      <h3 className="block-gap">
        {t("impact")}
        {period ? ` · ${period}` : ""}
      </h3>
      <QueryView query={impact}>
        {(data) => (
          <>
            <PolicyImpactView impact={data} />
            <div className="form-gap">
              <FtpCurveTable
                source={data.ftpSource.previewed}
                policyCurve={parsed?.ok ? parsed.policy.ftp : undefined}
                caption={t("reviewFtp")}
                testId={`review-ftp-${version}`}
              />
            </div>
          </>
        )}
      </QueryView>
      <div className="block-gap">{decision}</div>
    </section>
  );
}
