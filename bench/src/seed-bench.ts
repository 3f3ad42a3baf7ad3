import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "@creditseg/db";
import { seedDemoWorld, type SeedSummary } from "@creditseg/db/seed";

const TABLES = ["customers", "loans", "deposits", "fee_income", "projects"] as const;

export type SeedMeasurement = { seconds: number; rows: number; psqlCopySeconds: number; summary: SeedSummary };

/**
 * Seeds the demo world into an empty database and, as the baseline, times `psql \copy` loading the very
 * same rows (exported to CSV files) into empty tables of the same shape on the same server.
 */
export async function measureSeed(
  handle: DbHandle,
  url: string,
  args: { customers: number; loans: number },
): Promise<SeedMeasurement> {
  const started = performance.now();
  const summary = await seedDemoWorld(handle, { customers: args.customers, loans: args.loans });
  const seconds = (performance.now() - started) / 1000;
  const rows = summary.customers + summary.loans + summary.deposits + summary.fees + summary.projects;
  const dir = mkdtempSync(join(tmpdir(), "creditseg-seed-bench-"));
  try {
    for (const table of TABLES) {
      execFileSync("psql", [url, "-q", "-c", `\\copy ${table} to '${join(dir, `${table}.csv`)}' with (format csv)`]);
      execFileSync("psql", [url, "-q", "-c", `create table copy_${table} (like ${table} including defaults)`]);
    }
    const copyStarted = performance.now();
    for (const table of TABLES)
      execFileSync("psql", [
        url,
        "-q",
        "-c",
        `\\copy copy_${table} from '${join(dir, `${table}.csv`)}' with (format csv)`,
      ]);
    const psqlCopySeconds = (performance.now() - copyStarted) / 1000;
    for (const table of TABLES) execFileSync("psql", [url, "-q", "-c", `drop table copy_${table}`]);
    return { seconds, rows, psqlCopySeconds, summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
