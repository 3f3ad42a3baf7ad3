import { GRADES, type Grade } from "@creditseg/core/constants";

export const CUSTOMER_SORTS = ["contribution", "loanBalance", "depositBalance", "customerId", "name"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** The customer list's filters as they travel in the URL, so a filtered view can be shared. */
export type CustomerFilters = {
  runId?: number;
  tiers: string[];
  grades: Grade[];
  clusters: number[];
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

/** Reads the filters from the URL; unknown values are dropped rather than failing the page. */
export function parseCustomerFilters(params: ParamsLike): CustomerFilters {
  const runId = Number(params.get("run"));
  const sort = params.get("sort");
  return {
    runId: Number.isInteger(runId) && runId > 0 ? runId : undefined,
    tiers: params.getAll("tier").filter(Boolean).slice(0, 10),
    grades: params.getAll("grade").filter(isGrade),
    clusters: params
      .getAll("cluster")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 0 && n <= 100),
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
  for (const tier of filters.tiers ?? []) params.append("tier", tier);
  for (const grade of filters.grades ?? []) params.append("grade", grade);
  for (const cluster of filters.clusters ?? []) params.append("cluster", String(cluster));
  for (const industry of filters.industries ?? []) params.append("industry", industry);
  for (const region of filters.regions ?? []) params.append("region", region);
  if (filters.officer) params.set("officer", filters.officer);
  if (filters.search) params.set("q", filters.search);
  if (filters.sort && filters.sort !== "contribution") params.set("sort", filters.sort);
  if (filters.direction === "asc") params.set("dir", "asc");
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The customer list behind a dashboard figure. */
export function customersHref(filters: Partial<CustomerFilters>): string {
  return `/customers${buildCustomerSearch(filters)}`;
}

/** The filters in the shape of the customer.list / customer.count / export input. */
export function toFilterInput(filters: CustomerFilters) {
  return {
    ...(filters.runId ? { runId: filters.runId } : {}),
    ...(filters.tiers.length ? { tiers: filters.tiers } : {}),
    ...(filters.grades.length ? { grades: filters.grades } : {}),
    ...(filters.clusters.length ? { clusters: filters.clusters } : {}),
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
