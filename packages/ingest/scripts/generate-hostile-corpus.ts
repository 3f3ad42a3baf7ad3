/**
 * Writes the hostile import corpus into a directory, for measuring by hand
 * (run: npx tsx scripts/generate-hostile-corpus.ts DIR [--bomb-mb 2048] [--rows 2000000]).
 * Tests build the same files into a temporary directory; nothing here is committed as a binary.
 */
import { parseArgs } from "node:util";
import { writeHostileCorpus } from "../src/testing/hostile-corpus";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { "bomb-mb": { type: "string", default: "2048" }, rows: { type: "string", default: "2000000" } },
});
const dir = positionals[0];
if (!dir) throw new Error("usage: generate-hostile-corpus.ts DIR [--bomb-mb N] [--rows N]");
const paths = await writeHostileCorpus(dir, {
  bombInflatedBytes: Number(values["bomb-mb"]) * 1024 * 1024,
  oneCharRows: Number(values.rows),
});
for (const path of Object.values(paths)) process.stdout.write(`${path}\n`);
