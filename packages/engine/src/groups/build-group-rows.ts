import type { PortfolioGroups } from "@creditseg/core";
import { toJsonText } from "../json";
import type { TableRows } from "../runs/build-result-rows";

/** The fit figures stored per subject (customers / projects), or the skip reason. */
function fitRow(runId: number, subject: "customers" | "projects", fit: PortfolioGroups["customers" | "projects"]) {
  if (fit.isSkipped) return [runId, subject, null, null, null, null, null, null, null, toJsonText(fit.reason)];
  const r = fit.result;
  return [
    runId,
    subject,
    r.k,
    r.gamma,
    r.cost,
    r.silhouette,
    toJsonText({
      candidates: r.selection,
      selectionSampleSize: r.selectionSampleSize,
      silhouetteSampleSize: r.silhouetteSampleSize,
      seed: r.seed,
      restarts: r.restarts,
      iterations: r.iterations,
      isConverged: r.isConverged,
    }),
    r.stability === null ? null : toJsonText(r.stability),
    toJsonText({ numeric: r.numericAttributes, categorical: r.categoricalAttributes }),
    null,
  ];
}

/**
 * The rows a run stores for its groups (客户群体), in the order of `buildResultRows`' tables: fits, customer groups
 * and members (customers in reading order), found project groups, members and warnings (groups by number).
 */
/** One member row per id, in the fit's row order; no rows when that grouping did not run (labels absent). */
function memberTable(
  table: string,
  idColumn: string,
  runId: number,
  ids: readonly string[],
  labels: ArrayLike<number> | undefined,
): TableRows {
  return {
    table,
    columns: ["run_id", idColumn, "group_no"],
    count: labels ? ids.length : 0,
    rows: function* () {
      if (!labels) return;
      for (let i = 0; i < ids.length; i++) yield [runId, ids[i]!, labels[i]!];
    },
  };
}

export function buildGroupRows(
  runId: number,
  data: { customers: readonly { customerId: string }[]; projects: readonly { projectId: string }[] },
  groups: PortfolioGroups,
): TableRows[] {
  const customers = groups.customers.isSkipped ? null : groups.customers;
  const projects = groups.projects.isSkipped ? null : groups.projects;
  const warnings = (projects?.groups ?? []).flatMap((g) => g.warnings.map((w) => ({ group: g.group, warning: w })));
  return [
    {
      table: "group_fits",
      columns: [
        "run_id",
        "subject",
        "k",
        "gamma",
        "cost",
        "silhouette",
        "selection",
        "stability",
        "attributes",
        "skipped",
      ],
      count: 2,
      rows: function* () {
        yield fitRow(runId, "customers", groups.customers);
        yield fitRow(runId, "projects", groups.projects);
      },
    },
    {
      table: "customer_groups",
      columns: [
        "run_id",
        "group_no",
        "size",
        "name",
        "profile",
        "prototype",
        "tier_mix",
        "grade_mix",
        "loan_balance_fen",
        "npl_fen",
        "npl_ratio_pct",
        "contribution_fen",
        "guidance",
        "previous_group_no",
        "match_cost",
      ],
      count: customers?.groups.length ?? 0,
      rows: function* () {
        for (const g of customers?.groups ?? []) {
          const { name, ...profile } = g.profile;
          yield [
            runId,
            g.group,
            g.profile.size,
            toJsonText(name),
            toJsonText(profile),
            toJsonText(g.prototype),
            toJsonText(g.tierMix),
            toJsonText(g.gradeMix),
            g.npl.totalFen,
            g.npl.nplFen,
            g.npl.ratioPct,
            g.contributionFen,
            toJsonText(g.guidance),
            g.previousGroup,
            g.matchCost,
          ];
        }
      },
    },
    memberTable(
      "customer_group_members",
      "customer_id",
      runId,
      data.customers.map((c) => c.customerId),
      customers?.result.labels,
    ),
    {
      table: "found_project_groups",
      columns: [
        "run_id",
        "group_no",
        "size",
        "name",
        "profile",
        "prototype",
        "total_investment_fen",
        "loan_amount_fen",
        "signal_count",
        "signal_rate_pct",
        "previous_signal_rate_pct",
        "change_pct_points",
        "previous_group_no",
        "match_cost",
      ],
      count: projects?.groups.length ?? 0,
      rows: function* () {
        for (const g of projects?.groups ?? []) {
          const { name, ...profile } = g.profile;
          yield [
            runId,
            g.group,
            g.profile.size,
            toJsonText(name),
            toJsonText(profile),
            toJsonText(g.prototype),
            g.totalInvestmentFen,
            g.loanAmountFen,
            g.signalCount,
            g.signalRatePct,
            g.previousSignalRatePct,
            g.changePctPoints,
            g.previousGroup,
            g.matchCost,
          ];
        }
      },
    },
    memberTable(
      "found_project_group_members",
      "project_id",
      runId,
      data.projects.map((p) => p.projectId),
      projects?.result.labels,
    ),
    {
      table: "project_group_warnings",
      columns: ["run_id", "group_no", "code", "params"],
      count: warnings.length,
      rows: function* () {
        for (const { group, warning } of warnings) yield [runId, group, warning.code, toJsonText(warning.params)];
      },
    },
  ];
}
