import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import type { ProjectRecord } from "../records";
import { createRng } from "../random";
import { groupPortfolio, type PreviousGroup } from "./group-portfolio";

/** Two planted project groups: small manufacturing projects in operation, large infrastructure under construction. */
function plantProjects(downgraded: ReadonlySet<number> = new Set()): ProjectRecord[] {
  const rng = createRng(5);
  return Array.from({ length: 40 }, (_, i) => {
    const isInfrastructure = i % 2 === 1;
    const investment = (isInfrastructure ? 8e8 : 1e8) * Math.exp(0.2 * (rng.uniform() - 0.5));
    return {
      projectId: `P${i}`,
      customerId: `C${i}`,
      name: `project ${i}`,
      industry: isInfrastructure ? "基础设施" : "制造业",
      region: isInfrastructure ? "河南" : "江苏",
      totalInvestmentFen: BigInt(Math.round(investment)) * 100n,
      loanAmountFen: BigInt(Math.round(investment * (isInfrastructure ? 0.7 : 0.5))) * 100n,
      riskLevel: isInfrastructure ? "medium" : "low",
      status: isInfrastructure ? "construction" : "operating",
      overdueDays: 0,
      isDowngraded: downgraded.has(i),
    };
  });
}

const groupProjectsOnly = (projects: ProjectRecord[], previous?: PreviousGroup[]) =>
  groupPortfolio({
    customers: [],
    loans: [],
    deposits: [],
    fees: [],
    projects,
    segmented: [],
    policy: DEFAULT_POLICY,
    previous: { projects: previous },
  });

describe("groupPortfolio: found project groups and their warnings", () => {
  it("finds the planted project groups, skips customers with too few rows, and raises no warning below the limit", () => {
    const groups = groupProjectsOnly(plantProjects());
    expect(groups.customers).toEqual({
      isSkipped: true,
      reason: { code: "grouping.too_few_rows", params: { rows: 0 } },
    });
    if (groups.projects.isSkipped) throw new Error("projects were skipped");
    expect(groups.projects.result.k).toBe(2);
    expect(groups.projects.groups.map((g) => g.profile.size)).toEqual([20, 20]);
    expect(groups.projects.groups.flatMap((g) => g.warnings)).toEqual([]);
  });

  it("warns on the group whose signal rate crosses the limit and on its rise against the matched previous group", () => {
    const first = groupProjectsOnly(plantProjects());
    if (first.projects.isSkipped) throw new Error("projects were skipped");
    const previous: PreviousGroup[] = first.projects.groups.map((g) => ({
      group: g.group,
      prototype: g.prototype,
      memberCount: g.profile.size,
      signalCount: g.signalCount,
    }));
    // Downgrade four infrastructure projects (odd numbers): 4 of 20 = 20 % > the 10 % limit, up 20 points.
    const second = groupProjectsOnly(plantProjects(new Set([1, 3, 5, 7])), previous);
    if (second.projects.isSkipped) throw new Error("projects were skipped");
    const infrastructure = second.projects.groups.find((g) => g.profile.categorical[0]!.mode === "基础设施")!;
    expect(infrastructure.previousGroup).toBe(
      first.projects.groups.find((g) => g.profile.categorical[0]!.mode === "基础设施")!.group,
    );
    expect(infrastructure.matchCost).toBeLessThan(1e-9);
    expect(infrastructure.signalRatePct).toBe("20.00");
    expect(infrastructure.warnings).toEqual([
      { code: "group.signal_rate_above_limit", params: { signalRatePct: "20.00", limitPct: "10.00" } },
      {
        code: "group.signal_rate_rise",
        params: { signalRatePct: "20.00", previousSignalRatePct: "0.00", changePctPoints: "20.00", limitPct: "5.00" },
      },
    ]);
    const manufacturing = second.projects.groups.find((g) => g !== infrastructure)!;
    expect(manufacturing.warnings).toEqual([]);
    expect(manufacturing.changePctPoints).toBe("0.00");
  });
});
