import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { DEFAULT_POLICY, diffPolicies, fenToYuanString, roundYuanToFen, toDecimal, type Policy } from "@creditseg/core";
import { readPolicyFile } from "../read-policy-file";

function describeCurve(curve: Policy["ftp"]["loan"]): string {
  return curve.map((b) => `${b.maxTermMonths === null ? "longer" : `≤ ${b.maxTermMonths} m`} ${b.rate}%`).join(", ");
}

function describeTier(rule: Policy["tiers"][number]): string {
  const conditions = [
    rule.minContribution === undefined
      ? null
      : `contribution ≥ ${fenToYuanString(roundYuanToFen(toDecimal(rule.minContribution)))} CNY`,
    rule.classifications ? `classification in [${rule.classifications.join(", ")}]` : null,
  ].filter((c) => c !== null);
  return `${rule.name}${rule.labelZh ? ` (${rule.labelZh})` : ""}: ${conditions.length === 0 ? "everyone else" : conditions.join(" and ")}`;
}

/** A short human summary of a valid policy. */
export function summarizePolicy(policy: Policy): string {
  const { cutoffs } = policy.grades;
  const changes = diffPolicies(DEFAULT_POLICY, policy).length;
  return [
    `tax ${policy.taxRate}% on interest income, ${policy.dayCountBasis}-day basis`,
    `FTP loan: ${describeCurve(policy.ftp.loan)}`,
    `FTP deposit: ${describeCurve(policy.ftp.deposit)}`,
    "tiers (first match wins):",
    ...policy.tiers.map((t, i) => `  ${i + 1}. ${describeTier(t)}`),
    `grades: AAA ≥ ${cutoffs.AAA}, AA ≥ ${cutoffs.AA}, A ≥ ${cutoffs.A} points, else B`,
    `clustering: features ${policy.clustering.features.join(", ")}; log ${policy.clustering.log.join(", ") || "none"}; scale ${policy.clustering.scale}; k ${
      typeof policy.clustering.k === "number"
        ? policy.clustering.k
        : `${policy.clustering.k.min}..${policy.clustering.k.max}`
    }; ${policy.clustering.restarts} restarts; seed ${policy.clustering.seed}`,
    `warnings: signal = overdue > ${policy.warnings.overdueDaysThreshold} days or downgraded; flag groups of ≥ ${policy.warnings.minGroupSize} above ${policy.warnings.maxSignalRatePct}% or rising > ${policy.warnings.maxRisePctPoints} points`,
    changes === 0 ? "same as the default policy" : `${changes} field(s) differ from the default policy`,
  ].join("\n");
}

/** `creditseg policy default` prints the default policy; `creditseg policy check FILE` validates one (exit 2 when invalid). */
export function register(program: Command): void {
  const policy = program.command("policy").description(COMMANDS.policy.description);
  policy
    .command("default")
    .description("print the default policy as JSON")
    .action(() => {
      process.stdout.write(`${JSON.stringify(DEFAULT_POLICY, null, 2)}\n`);
    });
  policy
    .command("check")
    .description("validate a policy JSON file; on failure name each offending field and why (exit code 2)")
    .argument("<file>", "policy JSON file")
    .action((file: string) => {
      const valid = readPolicyFile(file);
      process.stdout.write(`${file}: valid policy\n${summarizePolicy(valid)}\n`);
    });
}
