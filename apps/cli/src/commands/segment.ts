import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { SegmentInputError, fenToYuanString, segmentPortfolio, type SegmentResult } from "@creditseg/core";
import { renderClusterLabel } from "@creditseg/core/clustering";
import { CliError } from "../cli-error";
import { writeOutputDirectory } from "../output-directory";
import { readPolicyFile } from "../read-policy-file";
import { readSegmentInputs } from "../read-segment-inputs";

/** JSON with bigint fen written as exact integer strings (field names ending in `Fen` say the unit) and typed arrays as arrays. */
function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v), 2)}\n`;
}

function escapeCsv(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const CUSTOMER_COLUMNS = [
  "customer_id",
  "deposit_contribution",
  "loan_contribution",
  "fee_income",
  "contribution",
  "classification",
  "tier",
  "grade",
  "cluster",
  "recommendation",
  "recommendation_action",
  "recommendation_reason",
] as const;

/** customers.csv: one row per customer; amounts in CNY with two decimals; recommendation = the recommended bundle's label. */
function formatCustomersCsv(result: SegmentResult): string {
  const labels = result.clusters?.clusterLabels ?? [];
  const lines = [CUSTOMER_COLUMNS.join(",")];
  for (const c of result.customers) {
    const recommended =
      c.recommendation.cluster === null
        ? ""
        : labels[c.recommendation.cluster]
          ? renderClusterLabel(labels[c.recommendation.cluster]!, "en")
          : String(c.recommendation.cluster);
    const cells = [
      c.customerId,
      fenToYuanString(c.contribution.depositFen),
      fenToYuanString(c.contribution.loanFen),
      fenToYuanString(c.contribution.feeFen),
      fenToYuanString(c.contribution.totalFen),
      c.classification,
      c.tier.tier,
      c.grade.grade,
      c.cluster === null ? "" : String(c.cluster),
      recommended,
      c.recommendation.action,
      c.recommendation.reason.code,
    ];
    lines.push(cells.map(escapeCsv).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The output files by name; built fully in memory before anything touches the disk. */
function buildOutputs(result: SegmentResult): Record<string, string> {
  const clusters = result.clusters;
  return {
    "customers.csv": formatCustomersCsv(result),
    "clusters.json": toJson({
      skippedReason: result.clusteringSkippedReason,
      ...(clusters && {
        features: clusters.features,
        k: clusters.k,
        inertia: clusters.inertia,
        silhouette: clusters.silhouette,
        sizes: clusters.sizes,
        centroidsRaw: clusters.centroidsRaw,
        selection: clusters.selection,
        seed: clusters.seed,
        restarts: clusters.restarts,
        iterations: clusters.iterations,
        stability: clusters.stability,
        profiles: clusters.profiles,
      }),
      crossTable: result.crossTable,
      topTierPreferences: result.topTierPreferences,
    }),
    "project_groups.json": toJson(result.projects),
    "summary.json": toJson(result.portfolio),
  };
}

/** Writes every file into `out`, all or nothing. */
async function writeOutputsAtomically(out: string, files: Record<string, string>): Promise<void> {
  await writeOutputDirectory(out, Object.keys(files), (staging) => {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
  });
}

/** `creditseg segment --data DIR --policy FILE [--out DIR]`: the whole segmentation on plain CSV files. */
export function register(program: Command): void {
  program
    .command("segment")
    .description(COMMANDS.segment.description)
    .requiredOption(
      "--data <dir>",
      "directory with customers.csv, loans.csv, deposits.csv, fees.csv and optional projects.csv (amounts in CNY, rates in annual %)",
    )
    .requiredOption("--policy <file>", "policy JSON file (see `creditseg policy default`)")
    .option(
      "--out <dir>",
      "write customers.csv, clusters.json, project_groups.json and summary.json here; without it print the summary",
    )
    .action(async (options: { data: string; policy: string; out?: string }) => {
      const policy = readPolicyFile(options.policy);
      const inputs = await readSegmentInputs(options.data);
      let result: SegmentResult;
      try {
        result = segmentPortfolio({ ...inputs, policy });
      } catch (error) {
        if (error instanceof SegmentInputError) throw new CliError(error.message);
        throw error;
      }
      const outputs = buildOutputs(result);
      if (options.out) {
        await writeOutputsAtomically(options.out, outputs);
        process.stdout.write(`wrote ${Object.keys(outputs).join(", ")} to ${options.out}\n`);
      } else {
        process.stdout.write(outputs["summary.json"]!);
      }
    });
}
