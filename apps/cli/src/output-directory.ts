import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Lets `write` fill a fresh sibling temp directory with `names`, then renames them into `out`: `out` never
 * holds a partial or mixed set, and a failure leaves nothing behind.
 */
export async function writeOutputDirectory(
  out: string,
  names: readonly string[],
  write: (staging: string) => Promise<void> | void,
): Promise<void> {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-`));
  try {
    await write(staging);
    if (!existsSync(target)) {
      renameSync(staging, target);
      return;
    }
    for (const name of names) renameSync(join(staging, name), join(target, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
