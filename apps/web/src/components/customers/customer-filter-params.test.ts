import { describe, expect, it } from "vitest";
import {
  buildCustomerSearch,
  parseCustomerFilters,
  toFilterInput,
  type CustomerFilters,
} from "./customer-filter-params";

const parse = (search: string) => parseCustomerFilters(new URLSearchParams(search));

describe("customer list filters in the URL", () => {
  it.each<[string, Partial<CustomerFilters>]>([
    [
      "a tier migration cell",
      { runId: 7, tiers: ["core"], migration: { fromRunId: 6, dimension: "tier", from: ["basic"] } },
    ],
    [
      "a cluster migration cell from an unmatched cluster",
      { runId: 7, clusters: [2], migration: { fromRunId: 6, dimension: "cluster", from: ["unmatched:3"] } },
    ],
    [
      "a cluster migration cell into no cluster",
      { runId: 7, isWithoutCluster: true, migration: { fromRunId: 6, dimension: "cluster", from: ["1"] } },
    ],
    ["a tier × no-cluster heatmap cell", { runId: 7, tiers: ["core"], clusters: [], isWithoutCluster: true }],
    ["a draft's impact cell", { draft: { version: 4, period: "2025", dimension: "grade", from: ["AA"], to: ["A"] } }],
    [
      "every customer a draft would move",
      { draft: { version: 4, period: "2025-06", dimension: "tier", from: [], to: [] } },
    ],
  ])("reads back %s as written", (_name, filters) => {
    const parsed = parse(buildCustomerSearch(filters).slice(1));
    expect(parsed).toMatchObject(filters);
  });

  it("sends a migration cell as the list input: the earlier side from prevTier, the later side from the tier filter", () => {
    expect(toFilterInput(parse("run=7&from=6&prevTier=basic&tier=core"))).toEqual({
      runId: 7,
      tiers: ["core"],
      migration: { fromRunId: 6, dimension: "tier", from: ["basic"], to: ["core"] },
    });
    expect(toFilterInput(parse("run=7&from=6&prevCluster=none&cluster=none"))).toEqual({
      runId: 7,
      isWithoutCluster: true,
      migration: { fromRunId: 6, dimension: "cluster", from: ["none"], to: ["none"] },
    });
    expect(toFilterInput(parse("draft=4&draftPeriod=2025"))).toEqual({
      draft: { version: 4, period: "2025", dimension: "tier" },
    });
  });

  it.each([
    ["a migration without the earlier run", "prevTier=basic&tier=core"],
    ["a migration run id that is not a number", "from=abc&prevTier=basic"],
    ["a draft without a period", "draft=4"],
    ["a draft with a malformed period", "draft=4&draftPeriod=25"],
  ])("drops %s rather than failing the page", (_name, search) => {
    const parsed = parse(search);
    expect([parsed.migration, parsed.draft]).toEqual([undefined, undefined]);
  });
});
