import { createWriteStream, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { fenToYuanString } from "@creditseg/core";
import { renderClusterLabel } from "@creditseg/core/clustering";
import { createTableWriter, readRunExport, type ExportColumn, type RunExportRow } from "@creditseg/engine";
import { CliError } from "../cli-error";
import { withDatabase } from "../open-database";
import { parseWholeNumber, reportEngineErrors } from "./run";

const yuan = (fen: bigint) => fenToYuanString(fen);

/**
 * One row per customer: contribution breakdown (CNY, exact to the fen), the effective tier / grade (overrides
 * applied) with the computed ones beside them, recommendation and any override.
 */
const COLUMNS: readonly ExportColumn<RunExportRow>[] = [
  { header: "customer_id", value: (r) => r.customerId },
  { header: "name", value: (r) => r.name },
  { header: "officer", value: (r) => r.officer },
  { header: "deposit_contribution_cny", value: (r) => yuan(r.depositContributionFen), isAmount: true },
  { header: "loan_contribution_cny", value: (r) => yuan(r.loanContributionFen), isAmount: true },
  { header: "fee_income_cny", value: (r) => yuan(r.feeIncomeFen), isAmount: true },
  { header: "contribution_cny", value: (r) => yuan(r.contributionFen), isAmount: true },
  { header: "classification", value: (r) => r.classification },
  { header: "tier", value: (r) => r.effectiveTier },
  { header: "grade", value: (r) => r.effectiveGrade },
  { header: "computed_tier", value: (r) => r.tier },
  { header: "computed_grade", value: (r) => r.grade },
  { header: "grade_score", value: (r) => Number(r.gradeScore) },
  { header: "cluster", value: (r) => r.cluster },
  { header: "cluster_label_zh", value: (r) => (r.clusterLabel ? renderClusterLabel(r.clusterLabel, "zh-CN") : null) },
  { header: "cluster_label_en", value: (r) => (r.clusterLabel ? renderClusterLabel(r.clusterLabel, "en") : null) },
  { header: "recommendation", value: (r) => r.recommendationAction },
  { header: "recommendation_reason", value: (r) => r.recommendationReason },
  { header: "override_tier", value: (r) => r.overrideTier },
  { header: "override_grade", value: (r) => r.overrideGrade },
  { header: "override_id", value: (r) => r.overrideId },
];

/**
 * Writes the pages into `path` in the format, through the engine's table writer (the web's customer export writes
 * with the same one); answers the rows written.
 */
async function writeTable(format: "csv" | "xlsx", rows: AsyncIterable<RunExportRow[]>, path: string): Promise<number> {
  const stream = createWriteStream(path);
  const writer = createTableWriter(format, COLUMNS, async (bytes) => {
    if (!stream.write(bytes)) await once(stream, "drain");
  });
  let count = 0;
  for await (const page of rows) {
    await writer.addRows(page);
    count += page.length;
  }
  await writer.end();
  stream.end();
  await once(stream, "finish");
  return count;
}

/** Reads the first page now (so its errors surface before any output exists) and yields it and the rest. */
async function startedPages(pages: AsyncGenerator<RunExportRow[]>): Promise<AsyncIterable<RunExportRow[]>> {
  const first = await pages.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* pages;
  })();
}

export function register(program: Command): void {
  program
    .command("export")
    .description(COMMANDS.export.description)
    .requiredOption("--run <id>", "segment run id")
    .requiredOption("--out <file>", "file to write (replaced only once complete)")
    .option("--format <format>", "csv or xlsx (default: from the file extension, else csv)")
    .option("--officer <code>", "only the customers of this credit officer (staff code)")
    .action(async (options: { run: string; out: string; format?: string; officer?: string }) => {
      const runId = parseWholeNumber("--run", options.run, 1);
      const format = (options.format ?? (options.out.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv")).toLowerCase();
      if (format !== "csv" && format !== "xlsx")
        throw new CliError(`--format must be csv or xlsx, not "${options.format}"`);
      // Written beside the target and renamed at the end, so a failed export never leaves half a file under the name.
      const temporary = join(dirname(options.out), `.${basename(options.out)}.${process.pid}.tmp`);
      await withDatabase((handle) =>
        reportEngineErrors(async () => {
          // The first page is read before any file is opened: an unknown or unfinished run leaves nothing behind.
          const rows = await startedPages(readRunExport(handle, { runId, officerCode: options.officer }));
          try {
            const count = await writeTable(format, rows, temporary);
            renameSync(temporary, options.out);
            process.stdout.write(`exported ${count} customers of run ${runId} to ${options.out} (${format})\n`);
          } catch (error) {
            rmSync(temporary, { force: true });
            if (
              (error as NodeJS.ErrnoException).code === "ENOENT" ||
              (error as NodeJS.ErrnoException).code === "EACCES"
            ) {
              throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, 1);
            }
            throw error;
          }
        }),
      );
    });
}
