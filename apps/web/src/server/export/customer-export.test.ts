import { describe, expect, it } from "vitest";
import type { CustomerListRow } from "@creditseg/db";
import { toCsv } from "./customer-export";

const row: CustomerListRow = {
  customerId: "C001",
  name: '=HYPERLINK("http://x")',
  industry: "+manufacturing",
  region: "@east",
  size: "small",
  officer: "-O001",
  creditRating: "A",
  contributionFen: -500_000n,
  depositContributionFen: 0n,
  loanContributionFen: -500_000n,
  feeIncomeFen: 0n,
  loanBalanceFen: 100n,
  depositBalanceFen: 0n,
  classification: "normal",
  tier: "general",
  grade: "A",
  effectiveTier: "general",
  effectiveGrade: "A",
  gradeScore: "50.00",
  cluster: 1,
  overrideTier: null,
  overrideGrade: null,
  overrideId: null,
};

describe("customer export", () => {
  it("neutralises uploaded text but keeps negative amounts numeric, with a BOM for Excel", () => {
    const csv = toCsv([row], { clusterLabels: new Map() });
    expect(csv.startsWith("\uFEFFcustomer_id,")).toBe(true);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain("'+manufacturing");
    expect(line).toContain("'@east");
    expect(line).toContain("'-O001");
    expect(line).toContain(",-5000.00,");
  });
});
