import type { ImportKind } from "@creditseg/core/constants";
import type { DbHandle } from "@creditseg/db";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { ACTORS } from "./seeded-world";

/**
 * Loads CSV text through the real import path (validation, checks, batch, history) as the demo admin and returns the
 * committed batch id; throws with the rejects when the file is not committed.
 */
export async function importCsv(
  handle: DbHandle,
  kind: ImportKind,
  lines: readonly string[],
  period?: string,
): Promise<string> {
  const report = await commitImport({
    handle,
    kind,
    period,
    file: bufferSource(`${kind}-${period ?? "master"}.csv`, new TextEncoder().encode(`${lines.join("\n")}\n`)),
    actor: ACTORS.admin,
  });
  if (report.status !== "committed" || !report.batchId)
    throw new Error(`${kind} not imported: ${JSON.stringify([...report.fileRejects, ...report.rejects])}`);
  return report.batchId;
}
