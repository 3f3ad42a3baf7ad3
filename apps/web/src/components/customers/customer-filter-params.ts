import { GRADES, type Grade } from "@creditseg/core/constants";

export const CUSTOMER_SORTS = ["contribution", "loanBalance", "depositBalance", "customerId", "name"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export type MigrationDimension = "tier" | "grade" | "cluster";

/**
 * A migration matrix cell's earlier side: customers who were in `from` (labels as the matrix has them) in run
 * `fromRunId`; the later side is the list's tier, grade or cluster filter on the listed run.
 */
export type MigrationFilter = { fromRunId: number; dimension: MigrationDimension; from: string[] };

/** A policy version's impact cell: `from` under the active policy, `to` under the version; neither = every change. */
export type DraftFilter = {
  version: number;
  period: string;
  dimension: "tier" | "grade";
  from: string[];
  to: string[];
};

/** The customer list's filters as they travel in the URL, so a filtered view can be shared. */
export type CustomerFilters = {
  runId?: number;
  migration?: MigrationFilter;
  draft?: DraftFilter;
  /** The top percent of the run's customers by contribution (a Pareto point). */
  topPct?: number;
  tiers: string[];
  grades: Grade[];
  clusters: number[];
  /** Customers in no benefit cluster (no loans), besides `clusters`; `cluster=none` in the URL. */
  isWithoutCluster: boolean;
  industries: string[];
  regions: string[];
  officer?: string;
  search?: string;
  sort: CustomerSort;
  direction: "asc" | "desc";
};

type ParamsLike = { getAll(name: string): string[]; get(name: string): string | null };

/** Whether a URL value is one of the scorecard's grades. */
export function isGrade(value: string): value is Grade {
  return (GRADES as readonly string[]).includes(value);
}

/** The cluster label of "no cluster" (customers without loans), as the migration matrix and the URL write it. */
export const NO_CLUSTER = "none";

/** URL parameter of the earlier side of a migration cell, per dimension. */
const PREVIOUS_PARAM = { tier: "prevTier", grade: "prevGrade", cluster: "prevCluster" } as const;

const positiveInteger = (text: string | null) => {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : undefined;
};
const labels = (values: string[]) => values.filter(Boolean).slice(0, 20);

function parseMigration(params: ParamsLike): MigrationFilter | undefined {
  const fromRunId = positiveInteger(params.get("from"));
  if (!fromRunId) return undefined;
  for (const dimension of ["tier", "grade", "cluster"] as const) {
    const from = labels(params.getAll(PREVIOUS_PARAM[dimension]));
    if (from.length) return { fromRunId, dimension, from };
  }
  return undefined;
}

function parseTopPct(text: string | null): number | undefined {
  const pct = Number(text);
  return text && Number.isFinite(pct) && pct > 0 && pct <= 100 ? pct : undefined;
}

function parseDraft(params: ParamsLike): DraftFilter | undefined {
  const version = positiveInteger(params.get("draft"));
  const period = params.get("draftPeriod") ?? "";
  if (!version || !/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period)) return undefined;
  return {
    version,
    period,
    dimension: params.get("draftDim") === "grade" ? "grade" : "tier",
    from: labels(params.getAll("draftFrom")),
    to: labels(params.getAll("draftTo")),
  };
}

/** Reads the filters from the URL; unknown values are dropped rather than failing the page. */
export function parseCustomerFilters(params: ParamsLike): CustomerFilters {
  const runId = Number(params.get("run"));
  const sort = params.get("sort");
  return {
    runId: Number.isInteger(runId) && runId > 0 ? runId : undefined,
    migration: parseMigration(params),
    draft: parseDraft(params),
    topPct: parseTopPct(params.get("top")),
    tiers: params.getAll("tier").filter(Boolean).slice(0, 10),
    grades: params.getAll("grade").filter(isGrade),
    clusters: params
      .getAll("cluster")
      .filter((text) => /^\d+$/.test(text))
      .map(Number)
      .filter((n) => n <= 100),
    isWithoutCluster: params.getAll("cluster").includes(NO_CLUSTER),
    industries: params.getAll("industry").filter(Boolean).slice(0, 50),
    regions: params.getAll("region").filter(Boolean).slice(0, 50),
    officer: params.get("officer")?.trim() || undefined,
    search: params.get("q")?.trim().slice(0, 100) || undefined,
    sort: (CUSTOMER_SORTS as readonly string[]).includes(sort ?? "") ? (sort as CustomerSort) : "contribution",
    direction: params.get("dir") === "asc" ? "asc" : "desc",
  };
}

/** Writes filters as URL search parameters (defaults left out). */
export function buildCustomerSearch(filters: Partial<CustomerFilters>): string {
  const params = new URLSearchParams();
  if (filters.runId) params.set("run", String(filters.runId));
  if (filters.migration) {
    params.set("from", String(filters.migration.fromRunId));
    for (const label of filters.migration.from) params.append(PREVIOUS_PARAM[filters.migration.dimension], label);
  }
  if (filters.topPct) params.set("top", String(filters.topPct));
  if (filters.draft) {
    params.set("draft", String(filters.draft.version));
    params.set("draftPeriod", filters.draft.period);
    if (filters.draft.dimension !== "tier") params.set("draftDim", filters.draft.dimension);
    for (const label of filters.draft.from) params.append("draftFrom", label);
    for (const label of filters.draft.to) params.append("draftTo", label);
  }
  for (const tier of filters.tiers ?? []) params.append("tier", tier);
  for (const grade of filters.grades ?? []) params.append("grade", grade);
  for (const cluster of filters.clusters ?? []) params.append("cluster", String(cluster));
  if (filters.isWithoutCluster) params.append("cluster", NO_CLUSTER);
  for (const industry of filters.industries ?? []) params.append("industry", industry);
  for (const region of filters.regions ?? []) params.append("region", region);
  if (filters.officer) params.set("officer", filters.officer);
  if (filters.search) params.set("q", filters.search);
  if (filters.sort && filters.sort !== "contribution") params.set("sort", filters.sort);
  if (filters.direction === "asc") params.set("dir", "asc");
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The list filter of one benefit cluster, or of "no cluster" (null: customers without loans). */
export function clusterFilterOf(cluster: number | null): Pick<CustomerFilters, "clusters" | "isWithoutCluster"> {
  return cluster === null ? { clusters: [], isWithoutCluster: true } : { clusters: [cluster], isWithoutCluster: false };
}

/** The customer list behind a dashboard figure. */
export function customersHref(filters: Partial<CustomerFilters>): string {
  return `/customers${buildCustomerSearch(filters)}`;
}

/**
 * The list's own filter of a dimension as migration labels (a cluster's number, `none` for no cluster): a migration
 * filter's later side (empty = any).
 */
export function laterSideOf(filters: CustomerFilters, dimension: MigrationDimension): string[] {
  if (dimension === "tier") return filters.tiers;
  if (dimension === "grade") return filters.grades;
  return [...filters.clusters.map(String), ...(filters.isWithoutCluster ? [NO_CLUSTER] : [])];
}

/** The filters in the shape of the customer.list / customer.count / export input. */
export function toFilterInput(filters: CustomerFilters) {
  const { migration, draft } = filters;
  const to = migration ? laterSideOf(filters, migration.dimension) : [];
  return {
    ...(filters.runId ? { runId: filters.runId } : {}),
    ...(filters.topPct ? { topPct: filters.topPct } : {}),
    ...(migration
      ? {
          migration: {
            fromRunId: migration.fromRunId,
            dimension: migration.dimension,
            from: migration.from,
            ...(to.length ? { to } : {}),
          },
        }
      : {}),
    ...(draft
      ? {
          draft: {
            version: draft.version,
            period: draft.period,
            dimension: draft.dimension,
            ...(draft.from.length ? { from: draft.from } : {}),
            ...(draft.to.length ? { to: draft.to } : {}),
          },
        }
      : {}),
    ...(filters.tiers.length ? { tiers: filters.tiers } : {}),
    ...(filters.grades.length ? { grades: filters.grades } : {}),
    ...(filters.clusters.length ? { clusters: filters.clusters } : {}),
    ...(filters.isWithoutCluster ? { isWithoutCluster: true } : {}),
    ...(filters.industries.length ? { industries: filters.industries } : {}),
    ...(filters.regions.length ? { regions: filters.regions } : {}),
    ...(filters.officer ? { officer: filters.officer } : {}),
    ...(filters.search ? { search: filters.search } : {}),
  };
}

/** The customer.list input of the URL's filters: one page of 50, from the first row (the browser and the server prefetch ask the same). */
export function customerListInput(filters: CustomerFilters) {
  return { ...toFilterInput(filters), sort: filters.sort, direction: filters.direction, limit: 50 };
}
