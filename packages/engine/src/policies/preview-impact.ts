import { createHash } from "node:crypto";
import {
  assignGrade,
  assignTier,
  compareSegmentations,
  groupProjects,
  labelsOf,
  selectTransitionCustomers,
  type Classification,
  type CustomerRecord,
  type ProjectRecord,
  type TransitionSelection,
  type Migration,
  type FtpCurveSource,
  type Policy,
  type PricingCurve,
  type ProjectWarning,
  worstClassification,
} from "@creditseg/core";
import { readCopyRows, sqlLiteral, type DbHandle } from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import { EngineError } from "../errors/engine-error";
import { readContributionTotals, type ContributionTotal } from "../load/contribution-totals";
import { CUSTOMERS, PROJECTS, readPaged } from "../load/load-period-data";
import { findPreviousRunId, readPreviousRun } from "../runs/previous-run";
import { resolvePeriodFtpCurve } from "../runs/ftp-curve-for-period";
import { readActivePolicyVersion, readPolicyVersion } from "./policy-queries";
import { validatePolicyDocument } from "./policy-workflow";

export type TierTotals = { tier: string; customers: number; contributionFen: bigint };
/** A warning the draft starts, stops or keeps: the core warning (code and parameters) with the change. */
export type WarningChange = ProjectWarning & { change: "starts" | "stops" | "continues" };

export type PolicyImpact = {
  period: string;
  version: number;
  activeVersion: number;
  customerCount: number;
  /** Tier and grade transition matrices: rows = under the active policy, columns = under the previewed one. */
  migration: Migration;
  totalsByTier: { active: TierTotals[]; previewed: TierTotals[] };
  /** Project-group warnings that would start, stop or continue under the previewed policy. */
  warnings: WarningChange[];
  /** The FTP curve each side priced on: treasury's upload in force at the period start, or the version's own curve. */
  ftpSource: { active: FtpCurveSource; previewed: FtpCurveSource };
};

type Scored = {
  customers: { customerId: string; tier: string; grade: string; contributionFen: bigint }[];
  warnings: ProjectWarning[];
};

/** What a preview reads of the period: the active customers and projects, and each customer's worst loan classification. */
type PreviewData = {
  customers: CustomerRecord[];
  projects: ProjectRecord[];
  worst: ReadonlyMap<string, Classification>;
};

/** Reads the period for a preview: no account is kept (contributions are summed as they are read, per policy). */
async function readPreviewData(handle: DbHandle, period: string): Promise<PreviewData> {
  const unused = createHash("sha256");
  const customers: CustomerRecord[] = [];
  await readPaged(
    handle.raw,
    period,
    CUSTOMERS,
    unused,
    () => {},
    (c) => customers.push(c),
  );
  const projects: ProjectRecord[] = [];
  await readPaged(
    handle.raw,
    period,
    PROJECTS,
    unused,
    () => {},
    (p) => projects.push(p),
  );
  const worst = new Map<string, Classification>();
  const select = `select customer_id, classification from loans where period = ${sqlLiteral(period)} and classification <> 'normal'`;
  for await (const rows of readCopyRows(handle, select))
    for (const [customerId, classification] of rows) {
      const seen = worst.get(customerId!);
      const next = classification as Classification;
      worst.set(customerId!, seen ? worstClassification([seen, next]) : next);
    }
  return { customers, projects, worst };
}

/** Tier, grade and contribution of every customer, and the project warnings, under one policy (no clustering: it does not move tiers or grades). */
function scorePortfolio(
  data: PreviewData,
  contributions: ReadonlyMap<string, ContributionTotal>,
  policy: Policy,
  previousGroups: Parameters<typeof groupProjects>[2],
): Scored {
  const customers = data.customers.map((customer) => {
    const classification = data.worst.get(customer.customerId) ?? "normal";
    const contributionFen = contributions.get(customer.customerId)?.totalFen ?? 0n;
    return {
      customerId: customer.customerId,
      tier: assignTier({ contributionFen, classification }, policy).tier,
      grade: assignGrade(customer, classification, policy).grade,
      contributionFen,
    };
  });
  return { customers, warnings: groupProjects(data.projects, policy.warnings, previousGroups).warnings };
}

function totalsByTier(policy: Policy, scored: Scored): TierTotals[] {
  const totals = new Map<string, TierTotals>(
    policy.tiers.map((t) => [t.name, { tier: t.name, customers: 0, contributionFen: 0n }]),
  );
  for (const c of scored.customers) {
    const entry = totals.get(c.tier) ?? { tier: c.tier, customers: 0, contributionFen: 0n };
    entry.customers++;
    entry.contributionFen += c.contributionFen;
    totals.set(c.tier, entry);
  }
  return [...totals.values()];
}

function compareWarnings(before: readonly ProjectWarning[], after: readonly ProjectWarning[]): WarningChange[] {
  const keyOf = (w: ProjectWarning) => `${w.groupKey}\u0000${w.kind}`;
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const changes: WarningChange[] = [
    ...after.map((w) => ({
      ...w,
      change: beforeKeys.has(keyOf(w)) ? ("continues" as const) : ("starts" as const),
    })),
    ...before.filter((w) => !afterKeys.has(keyOf(w))).map((w) => ({ ...w, change: "stops" as const })),
  ];
  return changes.sort((a, b) =>
    a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
  );
}

/**
 * What a policy version (usually a draft or a submitted version) would change against the active policy on the
 * period's latest data, computed on the fly and never stored: tier and grade transitions, contribution totals by
 * tier, and warnings that would start or stop. Needs `policy.write` or `policy.approve` (risk manager).
 */
export async function previewPolicyImpact(
  handle: DbHandle,
  args: { actor: Actor; version: number; period: string },
): Promise<PolicyImpact> {
  const { previewed, active, activePolicy, draftPolicy, data, before, after, activeFtp, previewedFtp } =
    await scoreUnderBothPolicies(handle, args);
  return {
    period: args.period,
    version: previewed.version,
    activeVersion: active.version,
    customerCount: data.customers.length,
    migration: compareSegmentations(
      before.customers,
      after.customers,
      draftPolicy.tiers.map((t) => t.name),
    ),
    totalsByTier: { active: totalsByTier(activePolicy, before), previewed: totalsByTier(draftPolicy, after) },
    warnings: compareWarnings(before.warnings, after.warnings),
    ftpSource: { active: activeFtp.source, previewed: previewedFtp.source },
  };
}

/**
 * The customers behind cells of `previewPolicyImpact`'s tier or grade matrix (rows = active policy, columns = the
 * previewed one), in customer-id order; `isMovedOnly` gives the customers whose segment would change ("81 户分层将变化").
 */
export async function listCustomersChangedByPolicy(
  handle: DbHandle,
  args: {
    actor: Actor;
    version: number;
    period: string;
    dimension: "tier" | "grade";
    selection: TransitionSelection;
  },
): Promise<string[]> {
  const { before, after } = await scoreUnderBothPolicies(handle, args);
  return selectTransitionCustomers(
    labelsOf(before.customers, args.dimension),
    labelsOf(after.customers, args.dimension),
    args.selection,
  );
}

/** Every customer of the period scored under the active policy and under the previewed version. */
async function scoreUnderBothPolicies(handle: DbHandle, args: { actor: Actor; version: number; period: string }) {
  assertPermission(args.actor, "policy.write");
  const previewed = await readPolicyVersion(handle.raw, args.version);
  const draftPolicy = validatePolicyDocument(previewed.document);
  const active = await readActivePolicyVersion(handle.raw);
  if (!active)
    throw new EngineError("NO_ACTIVE_POLICY", "No policy is active yet: there is nothing to compare the preview with.");
  const activePolicy = validatePolicyDocument(active.document);
  const data = await readPreviewData(handle, args.period);
  if (data.customers.length === 0) throw new EngineError("NO_DATA", `Period ${args.period} has no data to preview on.`);

  const previousRunId = await findPreviousRunId(handle.raw, args.period);
  const previousGroups =
    previousRunId === null ? undefined : (await readPreviousRun(handle.raw, previousRunId)).projectGroups;
  const activeFtp = await resolvePeriodFtpCurve(handle.raw, {
    period: args.period,
    policy: activePolicy,
    policyVersion: active.version,
  });
  const previewedFtp = await resolvePeriodFtpCurve(handle.raw, {
    period: args.period,
    policy: draftPolicy,
    policyVersion: previewed.version,
  });
  const contributionsUnder = (policy: Policy, curve: PricingCurve) =>
    readContributionTotals(handle, { period: args.period, policy, curve });
  const before = scorePortfolio(
    data,
    await contributionsUnder(activePolicy, activeFtp.curve),
    activePolicy,
    previousGroups,
  );
  const after = scorePortfolio(
    data,
    await contributionsUnder(draftPolicy, previewedFtp.curve),
    draftPolicy,
    previousGroups,
  );
  return { previewed, active, activePolicy, draftPolicy, data, before, after, activeFtp, previewedFtp };
}
