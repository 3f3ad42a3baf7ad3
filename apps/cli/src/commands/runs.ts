import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { setTimeout as delay } from "node:timers/promises";
import { compareRuns, getRun, listRuns, verifyRunChecksum, type RunComparison } from "@creditseg/engine";
import type { TransitionMatrix } from "@creditseg/core";
import { CliError } from "../cli-error";
import { withDatabase } from "../open-database";
import { createProgress } from "../progress";
import { parseWholeNumber, reportEngineErrors } from "./run";

/** How often `runs wait` reads the run row, ms. */
const WAIT_POLL_MS = 1_000;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A transition matrix as aligned text: rows = earlier run, columns = later run. */
function formatMatrix(title: string, matrix: TransitionMatrix): string {
  const width = Math.max(
    8,
    ...matrix.labels.map((l) => l.length + 1),
    ...matrix.counts.flat().map((n) => String(n).length + 1),
  );
  const cell = (text: string) => text.padStart(width);
  const lines = [
    `${title} (rows: from, columns: to; ${matrix.movedCount} moved, ${matrix.stayedCount} stayed)`,
    `${cell("")}${matrix.labels.map(cell).join("")}`,
  ];
  matrix.labels.forEach((label, i) =>
    lines.push(`${cell(label)}${matrix.counts[i]!.map((n) => cell(String(n))).join("")}`),
  );
  const entered = Object.entries(matrix.entered).filter(([, n]) => n > 0);
  const left = Object.entries(matrix.left).filter(([, n]) => n > 0);
  if (entered.length) lines.push(`  entered: ${entered.map(([l, n]) => `${l} ${n}`).join(", ")}`);
  if (left.length) lines.push(`  left: ${left.map(([l, n]) => `${l} ${n}`).join(", ")}`);
  return lines.join("\n");
}

function formatComparison(c: RunComparison): string {
  const matches = c.clusterMatches
    .map((m) => `${m.previous ?? "—"}→${m.next ?? "—"}${m.distance === null ? "" : ` (${m.distance.toFixed(3)})`}`)
    .join(", ");
  return [
    `run ${c.fromRunId} → run ${c.toRunId}`,
    formatMatrix("tiers", c.tiers),
    formatMatrix("grades", c.grades),
    `clusters matched by centroid: ${matches || "none"}`,
    formatMatrix("clusters (earlier clusters relabelled as their match)", c.clusters),
  ].join("\n\n");
}

export function register(program: Command): void {
  const runs = program.command("runs").description(COMMANDS.runs.description);

  runs
    .command("list")
    .description("segment runs, newest first (runs whose worker died are marked failed first)")
    .option("--period <period>", "only this period")
    .option("--json", "print a JSON array of { id, period, status, policyVersion, startedAt, finishedAt }")
    .action(async (options: { period?: string; json?: boolean }) => {
      await withDatabase((handle) =>
        reportEngineErrors(async () => {
          const list = await listRuns(handle, { period: options.period, limit: 1_000 });
          if (options.json) {
            const rows = list.map((r) => ({
              id: r.id,
              period: r.period,
              status: r.status,
              policyVersion: r.policyVersion,
              startedAt: iso(r.startedAt),
              finishedAt: iso(r.finishedAt),
            }));
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
            return;
          }
          if (list.length === 0) {
            process.stdout.write("no segment runs yet: start one with `creditseg run --period <period>`\n");
            return;
          }
          for (const r of list) {
            const state =
              r.status === "running" || r.status === "queued"
                ? `${r.status} ${r.stage ?? ""} ${r.progressPct}%`
                : r.status;
            const current = r.isCurrent ? " [current]" : "";
            const error = r.error ? ` — ${r.error}` : "";
            process.stdout.write(
              `${String(r.id).padStart(5)}  ${r.period}  policy ${r.policyVersion}  seed ${r.seed}  ${state}${current}  ${iso(r.startedAt) ?? "-"} → ${iso(r.finishedAt) ?? "-"}${error}\n`,
            );
          }
        }),
      );
    });

  runs
    .command("diff")
    .description("migration between two finished runs: tier, grade and cluster transition matrices")
    .argument("<from>", "earlier run id")
    .argument("<to>", "later run id")
    .option("--json", "print the comparison as JSON")
    .action(async (from: string, to: string, options: { json?: boolean }) => {
      const fromRunId = parseWholeNumber("run id", from, 1);
      const toRunId = parseWholeNumber("run id", to, 1);
      await withDatabase((handle) =>
        reportEngineErrors(async () => {
          const comparison = await compareRuns(handle, { fromRunId, toRunId });
          process.stdout.write(
            options.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${formatComparison(comparison)}\n`,
          );
        }),
      );
    });

  runs
    .command("verify")
    .description("recompute a run's result checksum from its stored rows and compare it with the recorded one")
    .argument("<run>", "run id")
    .action(async (run: string) => {
      const runId = parseWholeNumber("run id", run, 1);
      await withDatabase((handle) =>
        reportEngineErrors(async () => {
          const check = await verifyRunChecksum(handle, { runId });
          if (!check.isMatch)
            throw new CliError(
              `run ${runId}: stored results do not match the recorded checksum (recorded ${check.stored ?? "none"}, now ${check.recomputed})`,
              1,
            );
          process.stdout.write(`run ${runId}: stored results match checksum ${check.recomputed}\n`);
        }),
      );
    });

  runs
    .command("wait")
    .description("follow a run's progress until it finishes; exit 0 when it succeeded, 1 when it failed (with why)")
    .argument("<run>", "run id")
    .option("--timeout <seconds>", "give up (exit 1, the run goes on) after this many seconds")
    .action(async (run: string, options: { timeout?: string }) => {
      const runId = parseWholeNumber("run id", run, 1);
      const timeoutMs =
        options.timeout === undefined
          ? Number.POSITIVE_INFINITY
          : parseWholeNumber("--timeout", options.timeout, 1) * 1000;
      await withDatabase((handle) =>
        reportEngineErrors(async () => {
          const started = performance.now();
          const progress = createProgress(`run ${runId}`, 100);
          let last = "";
          for (;;) {
            // getRun marks a dead worker's run failed first, so waiting on a killed worker's run ends.
            const current = await getRun(handle, { runId });
            const line = `${current.status} ${current.stage ?? ""} ${current.progressPct}%`;
            if (line !== last && !process.stderr.isTTY) process.stderr.write(`run ${runId}: ${line}\n`);
            last = line;
            progress.update(current.progressPct);
            if (current.status === "succeeded" || current.status === "failed") {
              progress.stop();
              if (current.status === "failed")
                throw new CliError(
                  `run ${runId} (period ${current.period}) failed: ${current.error ?? "no reason recorded"}`,
                  1,
                );
              process.stdout.write(
                `run ${runId} succeeded: period ${current.period}, policy version ${current.policyVersion}, result checksum ${current.resultChecksum}\n`,
              );
              return;
            }
            if (performance.now() - started > timeoutMs) {
              progress.stop();
              throw new CliError(`run ${runId} is still ${current.status} after ${options.timeout} s; it goes on`, 1);
            }
            await delay(WAIT_POLL_MS);
          }
        }),
      );
    });
}
