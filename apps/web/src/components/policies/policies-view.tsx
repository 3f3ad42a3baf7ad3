"use client";

import { parseYuanToFen } from "@creditseg/core";
import { parsePolicy } from "@creditseg/core/policy";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { useCan, useMe } from "../session/me-context";
import { DataTable, type DataColumn } from "../ui/data-table";
import { LoadingState, QueryView } from "../ui/states";
import { useCursorPages } from "../ui/use-cursor-pages";
import { PolicyDraftEditor } from "./policy-draft-editor";
import { awaitingDecision, POLICY_LIST_INPUT } from "./policy-list-input";
import { PolicyReview } from "./policy-review";
import { PolicyStatusBadge } from "./policy-status-badge";
import { formatAmount, formatDate, formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/components/ui/error-text";

type PolicyRow = inferRouterOutputs<AppRouter>["policy"]["list"]["items"][number];

/**
 * Policies: every version with its status, the active document, and for risk managers the workflow:
 * draft → edit (validated as you type, diff, impact preview) → submit → a second risk manager approves or rejects.
 */
export function PoliciesView() {
  const t = useTranslations("policies");
  const errorText = useErrorText();
  const tc = useTranslations("common");
  const locale = useLocale();
  const labels = useSegmentLabels();
  const me = useMe();
  const canWrite = useCan("policy.write");
  const canApprove = useCan("policy.approve");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useCursorPages({
    inputKey: "all",
    queryFor: (cursor) => trpc.policy.list.queryOptions({ ...POLICY_LIST_INPUT, cursor }),
  });
  const active = useQuery(trpc.policy.active.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.policy.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.policy.active.queryKey() }),
    ]);
  const createDraft = useMutation(
    trpc.policy.createDraft.mutationOptions({
      onSuccess: (created) => void refresh().then(() => setEditing(created.version)),
    }),
  );
  const parsed = active.data ? parsePolicy(active.data.document) : null;
  // Four eyes: versions another risk manager submitted, each reviewed with its evidence beside the decision.
  const awaitingMe = awaitingDecision(versions.first.data ? versions.items : [], me.id);
  const columns: DataColumn<PolicyRow>[] = [
    {
      id: "version",
      header: t("version"),
      accessorFn: (policy) => policy.version,
      cell: ({ row }) => `v${row.original.version}`,
    },
    { id: "name", header: t("name"), accessorFn: (policy) => policy.name, meta: { isData: true } },
    {
      id: "status",
      header: tc("status"),
      accessorFn: (policy) => policy.status,
      cell: ({ row }) => <PolicyStatusBadge status={row.original.status} />,
    },
    {
      id: "effectiveFrom",
      header: t("effectiveFrom"),
      accessorFn: (policy) => policy.effectiveFrom ?? "",
      cell: ({ row }) => formatDate(row.original.effectiveFrom),
    },
    {
      id: "changeNote",
      header: t("changeNote"),
      enableSorting: false,
      cell: ({ row }) => row.original.changeNote || "—",
      meta: { isData: true },
    },
    {
      id: "createdAt",
      header: tc("createdAt"),
      accessorFn: (policy) => policy.createdAt,
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { className: "nowrap" },
    },
    ...(canWrite || canApprove
      ? [
          {
            id: "actions",
            header: tc("actions"),
            enableSorting: false,
            cell: ({ row }) => {
              const policy = row.original;
              const isMine = policy.createdBy === me.id || policy.submittedBy === me.id;
              return (
                <>
                  {policy.status === "draft" && canWrite && policy.createdBy === me.id && editing === null ? (
                    <button type="button" onClick={() => setEditing(policy.version)}>
                      {t("edit")}
                    </button>
                  ) : null}
                  {policy.status === "submitted" && isMine ? <span className="muted">{t("ownDraft")}</span> : null}
                  {policy.status === "submitted" && !isMine && canApprove ? (
                    <a href={`#review-v${policy.version}`}>{t("reviewLink")}</a>
                  ) : null}
                </>
              );
            },
          } satisfies DataColumn<PolicyRow>,
        ]
      : []),
  ];

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        {canWrite && parsed?.ok && editing === null ? (
          <button
            type="button"
            className="primary"
            disabled={createDraft.isPending}
            onClick={() => createDraft.mutate({})}
          >
            {t("newDraft")}
          </button>
        ) : null}
      </div>
      {createDraft.error ? (
        <p role="alert" className="field-error">
          {errorText(createDraft.error)}
        </p>
      ) : null}
      {editing !== null && parsed?.ok ? (
        <DraftLoader
          version={editing}
          active={parsed.policy}
          onClose={() => {
            setEditing(null);
            void refresh();
          }}
        />
      ) : null}
      {canApprove
        ? awaitingMe.map((policy) => (
            <PolicyReview
              key={policy.version}
              version={policy.version}
              name={policy.name}
              changeNote={policy.changeNote}
              decision={<DecidePolicy version={policy.version} onDecided={refresh} />}
            />
          ))
        : null}
      <section className="panel" aria-labelledby="active-policy">
        <h2 id="active-policy">{t("active")}</h2>
        <QueryView query={active}>
          {(policy) =>
            policy === null ? (
              <p className="muted">{t("noActive")}</p>
            ) : (
              <dl className="dl" data-testid="active-policy">
                <dt>{t("version")}</dt>
                <dd>v{policy.version}</dd>
                <dt>{t("name")}</dt>
                <dd translate="no">{policy.name}</dd>
                <dt>{t("effectiveFrom")}</dt>
                <dd>{formatDate(policy.effectiveFrom)}</dd>
                <dt>{t("changeNote")}</dt>
                <dd translate="no">{policy.changeNote || "—"}</dd>
                {parsed?.ok ? (
                  <>
                    <dt>{t("taxRate")}</dt>
                    <dd>{parsed.policy.taxRate}%</dd>
                    <dt>{t("tiers")}</dt>
                    <dd>
                      {parsed.policy.tiers
                        .map(
                          (tier) =>
                            `${labels.tierLabel(tier.name)}${tier.minContribution !== undefined ? ` ≥ ${formatAmount(parseYuanToFen(String(tier.minContribution)), locale)}` : ""}`,
                        )
                        .join(" · ")}
                    </dd>
                    <dt>{t("cutoffs")}</dt>
                    <dd>
                      AAA ≥ {parsed.policy.grades.cutoffs.AAA} · AA ≥ {parsed.policy.grades.cutoffs.AA} · A ≥{" "}
                      {parsed.policy.grades.cutoffs.A}
                    </dd>
                  </>
                ) : null}
              </dl>
            )
          }
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="policy-versions">
        <h2 id="policy-versions">{t("versions")}</h2>
        <DataTable
          columns={columns}
          rows={versions.first.data ? versions.items : undefined}
          rowId={(policy) => String(policy.version)}
          caption={t("versions")}
          isLoading={versions.first.isPending}
          error={versions.first.error}
          onRetry={() => void versions.first.refetch()}
          empty={<p>{t("empty")}</p>}
          more={versions.more}
          testId="policy-versions"
        />
      </section>
    </>
  );
}

/** Loads a draft's document, then opens the editor on it. */
function DraftLoader({
  version,
  active,
  onClose,
}: {
  version: number;
  active: Parameters<typeof PolicyDraftEditor>[0]["active"];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const draft = useQuery(trpc.policy.byVersion.queryOptions({ version }));
  if (draft.isPending) return <LoadingState rows={6} />;
  const parsed = draft.data ? parsePolicy(draft.data.document) : null;
  return (
    <PolicyDraftEditor
      key={version}
      active={active}
      initial={parsed?.ok ? parsed.policy : active}
      version={version}
      onClose={onClose}
    />
  );
}

/** Approve or reject another risk manager's submitted version (four eyes). */
function DecidePolicy({ version, onDecided }: { version: number; onDecided: () => unknown }) {
  const t = useTranslations("policies");
  const errorText = useErrorText();
  const id = useId();
  const trpc = useTRPC();
  const [comment, setComment] = useState("");
  const [hasTriedReject, setTriedReject] = useState(false);
  const approve = useMutation(trpc.policy.approve.mutationOptions({ onSuccess: onDecided }));
  const reject = useMutation(trpc.policy.reject.mutationOptions({ onSuccess: onDecided }));
  const isCommentMissing = comment.trim().length === 0;
  const error = approve.error ?? reject.error;
  return (
    <div className="field-stack decide-box" role="group" aria-label={`${t("decisionComment")} v${version}`}>
      <label className="field">
        <span>{t("decisionComment")}</span>
        <input
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={2000}
          aria-invalid={hasTriedReject && isCommentMissing ? true : undefined}
          aria-describedby={hasTriedReject && isCommentMissing ? id : undefined}
        />
      </label>
      {hasTriedReject && isCommentMissing ? (
        <span id={id} className="field-error">
          {t("commentRequired")}
        </span>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={approve.isPending}
          onClick={() => approve.mutate({ version, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
        >
          {t("approve")}
        </button>
        <button
          type="button"
          className="danger"
          disabled={reject.isPending}
          onClick={() => {
            setTriedReject(true);
            if (!isCommentMissing) reject.mutate({ version, comment: comment.trim() });
          }}
        >
          {t("reject")}
        </button>
      </div>
      {error ? (
        <span role="alert" className="field-error">
          {errorText(error)}
        </span>
      ) : null}
    </div>
  );
}
