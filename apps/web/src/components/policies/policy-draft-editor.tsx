"use client";

import { bankDate, previousYearPeriod } from "@creditseg/core/calendar";
import { diffPolicies, parsePolicy, type Policy, type PolicyIssue } from "@creditseg/core/policy";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState, type ReactNode } from "react";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { QueryView } from "../ui/states";
import { parseTableMoneyToYuan, yuanToTableMoney } from "~/i18n/format";
import { PolicyDiffTable } from "./policy-diff-table";
import { PolicyImpactView } from "./policy-impact-view";
import { useTRPC } from "~/trpc/react";
import { useCodeText } from "../codes/use-code-text";
import { POLICY_PREVIEW_KEY, usePolicyPreview } from "./use-policy-preview";

type Path = (string | number)[];

/** Returns a copy of `value` with the leaf at `path` replaced (the editor never mutates the active policy). */
function setAt<T>(value: T, path: Path, leaf: unknown): T {
  if (path.length === 0) return leaf as T;
  const [head, ...rest] = path;
  const container = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  container[head as string | number] = setAt(container[head as string | number], rest, leaf);
  return container as T;
}

function readNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/**
 * The draft editor: the active policy's numbers in a form, validated by the core policy schema as
 * the user types, with the field-by-field diff against the active version; saves the draft, previews
 * its impact on the current period and submits it for a second risk manager's decision.
 */
export function PolicyDraftEditor({
  active,
  initial,
  version,
  onClose,
}: {
  active: Policy;
  initial: Policy;
  version: number;
  onClose: () => void;
}) {
  const t = useTranslations("policies");
  const tc = useTranslations("common");
  const locale = useLocale();
  const money = useMoneyFormat();
  const labels = useSegmentLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Policy>(initial);
  const [changeNote, setChangeNote] = useState("");
  const [previewPeriod, setPreviewPeriod] = useState<string | null>(null);
  const current = useQuery(trpc.segmentRun.current.queryOptions({}));
  const refreshLists = () => queryClient.invalidateQueries({ queryKey: trpc.policy.list.queryKey() });
  const save = useMutation(trpc.policy.update.mutationOptions({ onSuccess: refreshLists }));
  const submit = useMutation(trpc.policy.submit.mutationOptions({ onSuccess: refreshLists }));
  const preview = usePolicyPreview(
    { version, period: previewPeriod ?? "2025" },
    { enabled: previewPeriod !== null && save.isSuccess, staleTime: 0 },
  );
  const codes = useCodeText();
  const validation = useMemo(() => parsePolicy(draft), [draft]);
  const issues: PolicyIssue[] = validation.ok ? [] : validation.issues;
  const changes = useMemo(() => diffPolicies(active, draft), [active, draft]);
  const update = (path: Path, value: unknown) => setDraft((current) => setAt(current, path, value));
  const issueAt = (path: Path) => {
    const issue = issues.find((candidate) => candidate.path === path.join("."));
    return issue ? codes.policyIssue(issue) : undefined;
  };

  function saveDraft(then?: () => void) {
    if (!validation.ok) return;
    save.mutate(
      {
        version,
        document: draft,
        ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}),
      },
      { onSuccess: () => then?.() },
    );
  }

  const numberField = (label: string, path: Path, value: number, step = "any") => (
    <NumberField
      key={path.join(".")}
      label={label}
      value={value}
      step={step}
      error={issueAt(path)}
      onChange={(text) => update(path, readNumber(text))}
    />
  );

  return (
    <section className="panel" aria-labelledby="draft-editor">
      <div className="panel-header">
        <h2 id="draft-editor">{t("editor")}</h2>
        <span
          role="status"
          aria-live="polite"
          className={`badge ${validation.ok ? "ok" : "danger"}`}
          data-testid="draft-validity"
        >
          {validation.ok ? t("valid") : t("invalid", { count: issues.length })}
        </span>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          saveDraft(() =>
            submit.mutate(
              { version, ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}) },
              { onSuccess: onClose },
            ),
          );
        }}
      >
        <div className="grid-2">
          <div>
            <fieldset>
              <legend>{t("taxRate")}</legend>
              <div className="filters">{numberField(t("taxRate"), ["taxRate"], draft.taxRate)}</div>
            </fieldset>
            <fieldset>
              <legend>{t("tiers")}</legend>
              <div className="filters">
                {draft.tiers.map((tier, index) =>
                  tier.minContribution !== undefined ? (
                    <NumberField
                      key={`tiers.${index}.minContribution`}
                      label={money.withUnit(`${labels.tierLabel(tier.name)} · ${t("minContribution")}`)}
                      value={yuanToTableMoney(tier.minContribution, locale)}
                      step="0.01"
                      error={issueAt(["tiers", index, "minContribution"])}
                      onChange={(text) =>
                        update(["tiers", index, "minContribution"], parseTableMoneyToYuan(text, locale) ?? Number.NaN)
                      }
                    />
                  ) : null,
                )}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("cutoffs")}</legend>
              <div className="filters">
                {(["AAA", "AA", "A"] as const).map((grade) =>
                  numberField(grade, ["grades", "cutoffs", grade], draft.grades.cutoffs[grade]),
                )}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("clustering")}</legend>
              <div className="filters">
                {typeof draft.clustering.k === "object" ? (
                  <>
                    {numberField(t("kMin"), ["clustering", "k", "min"], draft.clustering.k.min, "1")}
                    {numberField(t("kMax"), ["clustering", "k", "max"], draft.clustering.k.max, "1")}
                  </>
                ) : (
                  numberField("k", ["clustering", "k"], draft.clustering.k, "1")
                )}
                {numberField(t("restarts"), ["clustering", "restarts"], draft.clustering.restarts, "1")}
                {numberField(t("clusterSeed"), ["clustering", "seed"], draft.clustering.seed, "1")}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t("warnings")}</legend>
              <div className="filters">
                {numberField(
                  t("overdueDays"),
                  ["warnings", "overdueDaysThreshold"],
                  draft.warnings.overdueDaysThreshold,
                  "1",
                )}
                {numberField(t("maxSignalRate"), ["warnings", "maxSignalRatePct"], draft.warnings.maxSignalRatePct)}
                {numberField(t("minGroupSize"), ["warnings", "minGroupSize"], draft.warnings.minGroupSize, "1")}
                {numberField(t("maxRise"), ["warnings", "maxRisePctPoints"], draft.warnings.maxRisePctPoints)}
              </div>
            </fieldset>
          </div>
          <div>
            {(["loan", "deposit"] as const).map((side) => (
              <fieldset key={side}>
                <legend>
                  {t("ftpCurve")} · {side === "loan" ? t("ftpLoan") : t("ftpDeposit")}
                </legend>
                <FtpBucketsTable
                  side={side}
                  buckets={draft.ftp[side]}
                  issueAt={issueAt}
                  onChange={(path, text) => update(path, readNumber(text))}
                />
              </fieldset>
            ))}
          </div>
        </div>
        {issues.length > 0 ? (
          <ul className="field-error" aria-label={t("invalid", { count: issues.length })}>
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                <strong>{codes.policyPath(issue.path)}</strong>: {codes.policyIssue(issue)}
              </li>
            ))}
          </ul>
        ) : null}
        <label className="field section-gap">
          <span>{t("changeNote")}</span>
          <input value={changeNote} onChange={(event) => setChangeNote(event.target.value)} maxLength={2000} />
        </label>
        <div className="row">
          <button type="button" onClick={onClose}>
            {tc("cancel")}
          </button>
          <button type="button" disabled={!validation.ok || save.isPending} onClick={() => saveDraft()}>
            {t("saveDraft")}
          </button>
          <button
            type="button"
            disabled={!validation.ok || save.isPending}
            onClick={() =>
              saveDraft(() => {
                setPreviewPeriod(current.data?.period ?? previousYearPeriod(bankDate(new Date())));
                void queryClient.invalidateQueries({ queryKey: POLICY_PREVIEW_KEY });
              })
            }
          >
            {t("impact")}
          </button>
          <button type="submit" className="primary" disabled={!validation.ok || save.isPending || submit.isPending}>
            {t("submit")}
          </button>
          {save.isSuccess && !save.isPending ? <span role="status">{t("saved", { version })}</span> : null}
        </div>
        {(save.error ?? submit.error) ? (
          <p role="alert" className="field-error">
            {(save.error ?? submit.error)?.message}
          </p>
        ) : null}
      </form>
      {previewPeriod !== null ? (
        <div className="block-gap">
          <h3>
            {t("impact")} · {previewPeriod}
          </h3>
          <QueryView query={preview}>{(impact) => <PolicyImpactView impact={impact} />}</QueryView>
        </div>
      ) : null}
      <h3 className="block-gap">{t("diff")}</h3>
      <PolicyDiffTable changes={changes} testId="draft-diff" />
    </section>
  );
}

function NumberField({
  label,
  value,
  step,
  error,
  onChange,
}: {
  label: string;
  value: number;
  step: string;
  error?: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <div className="field-stack">
      <label className="field">
        <span>{label}</span>
        <input
          type="number"
          inputMode="decimal"
          step={step}
          defaultValue={Number.isNaN(value) ? "" : value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? id : undefined}
          className="number-input"
        />
      </label>
      {error ? <ErrorText id={id}>{error}</ErrorText> : null}
    </div>
  );
}

function InlineNumber({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: number;
  error?: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <>
      <input
        type="number"
        step="any"
        aria-label={label}
        defaultValue={Number.isNaN(value) ? "" : value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? id : undefined}
        className="number-input narrow"
      />
      {error ? <ErrorText id={id}>{error}</ErrorText> : null}
    </>
  );
}

type FtpBucket = Policy["ftp"]["loan"][number];

/** One side of the FTP curve as editable rows: each bucket's longest term and its rate (annual %). */
function FtpBucketsTable({
  side,
  buckets,
  issueAt,
  onChange,
}: {
  side: "loan" | "deposit";
  buckets: FtpBucket[];
  issueAt: (path: Path) => string | undefined;
  onChange: (path: Path, text: string) => void;
}) {
  const t = useTranslations("policies");
  const indexed = buckets.map((bucket, index) => ({ bucket, index }));
  const columns: DataColumn<(typeof indexed)[number]>[] = [
    {
      id: "maxTerm",
      header: t("maxTerm"),
      enableSorting: false,
      cell: ({ row }) => {
        const { bucket, index } = row.original;
        return bucket.maxTermMonths === null ? (
          t("catchAll")
        ) : (
          <InlineNumber
            label={`${side} ${index + 1} ${t("maxTerm")}`}
            value={bucket.maxTermMonths}
            error={issueAt(["ftp", side, index, "maxTermMonths"])}
            onChange={(text) => onChange(["ftp", side, index, "maxTermMonths"], text)}
          />
        );
      },
    },
    {
      id: "rate",
      header: t("rate"),
      enableSorting: false,
      cell: ({ row }) => {
        const { bucket, index } = row.original;
        return (
          <InlineNumber
            label={`${side} ${index + 1} ${t("rate")}`}
            value={bucket.rate}
            error={issueAt(["ftp", side, index, "rate"])}
            onChange={(text) => onChange(["ftp", side, index, "rate"], text)}
          />
        );
      },
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={indexed}
      rowId={(row) => String(row.index)}
      caption={`${t("ftpCurve")} · ${side === "loan" ? t("ftpLoan") : t("ftpDeposit")}`}
      empty={null}
    />
  );
}

function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span id={id} className="field-error">
      {children}
    </span>
  );
}
