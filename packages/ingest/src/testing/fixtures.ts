import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DbHandle } from "@creditseg/db";
import { commitImport } from "../commit/commit-import";
import { fileSource } from "../source";

/** Absolute path of a committed fixture under packages/ingest/__fixtures__. */
export function fixturePath(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "__fixtures__", name);
}

/** Loads the five CRM customers the loan fixtures refer to. */
export async function loadFixtureCustomers(handle: DbHandle): Promise<void> {
  const report = await commitImport({
    handle,
    kind: "customers",
    file: fileSource(fixturePath("customers-utf8-bom.csv")),
    actor: { id: null },
  });
  if (report.status !== "committed")
    throw new Error(`fixture customers not loaded: ${JSON.stringify(report.fileRejects.concat(report.rejects))}`);
}

/** Tables an import may touch. */
export const IMPORT_TABLES = [
  "customers",
  "loans",
  "deposits",
  "fee_income",
  "projects",
  "ftp_curves",
  "import_batches",
  "import_rejects",
  "import_row_history",
  "audit_log",
] as const;

/** Row count and an md5 of every row's text, per table: equal snapshots mean nothing was written. */
export async function snapshotTables(handle: DbHandle): Promise<Record<string, { count: number; md5: string | null }>> {
  const snapshot: Record<string, { count: number; md5: string | null }> = {};
  for (const table of IMPORT_TABLES) {
    const [row] = await handle.raw<{ count: number; md5: string | null }>(
      `select count(*)::int as count, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${table} t`,
    );
    snapshot[table] = row ?? { count: 0, md5: null };
  }
  return snapshot;
}
