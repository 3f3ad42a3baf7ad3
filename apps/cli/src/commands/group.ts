import { createWriteStream, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import {
  ClusteringInputError,
  encodeMixedTable,
  groupingMethodSchema,
  groupMixed,
  type GroupingResult,
  type NamePart,
} from "@creditseg/core";
import { CliError } from "../cli-error";
import { writeOutputDirectory } from "../output-directory";
import { readCsvColumns } from "../read-csv-columns";

type GroupOptions = {
  input: string;
  id: string;
  categorical?: string;
  numeric?: string;
  log?: string;
  k: string;
  restarts: string;
  seed: string;
  gamma?: string;
  json?: boolean;
  out?: string;
};

/** The columns read from the CSV: ids, numeric values by column (NaN = empty cell), categories by column. */
type MixedColumns = { ids: string[]; numeric: number[][]; categorical: string[][] };

const splitList = (list: string | undefined): string[] =>
  (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

function parseInteger(value: string, option: string, min: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min)
    throw new CliError(`${option} must be an integer ≥ ${min}, got "${value}"`);
  return Number(value);
}

/** `--k 4` or `--k 2..8`. */
function parseK(value: string): number | { min: number; max: number } {
  const range = /^(\d+)\.\.(\d+)$/.exec(value.trim());
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return parseInteger(value, "--k", 1);
}

/**
 * Reads the id, numeric and categorical columns. An empty numeric cell is a missing value (the grouping
 * imputes the column's median); text that is not a number, an empty or repeated id is a CliError naming
 * file, row (data rows from 1), line and column.
 */
async function readMixedColumns(
  file: string,
  id: string,
  numeric: string[],
  categorical: string[],
): Promise<MixedColumns> {
  const columns: MixedColumns = { ids: [], numeric: numeric.map(() => []), categorical: categorical.map(() => []) };
  const seen = new Map<string, number>();
  await readCsvColumns(file, [id, ...numeric, ...categorical], (cells, row, line) => {
    const where = (column: string) => `${file}: row ${row} (line ${line}), column "${column}"`;
    const key = cells[0]!;
    if (key === "") throw new CliError(`${where(id)}: empty id`);
    const first = seen.get(key);
    if (first !== undefined) throw new CliError(`${where(id)}: id "${key}" already used in row ${first}`);
    seen.set(key, row);
    columns.ids.push(key);
    numeric.forEach((column, c) => {
      const text = cells[1 + c]!;
      const value = text === "" ? Number.NaN : Number(text);
      if (text !== "" && !Number.isFinite(value)) throw new CliError(`${where(column)}: "${text}" is not a number`);
      columns.numeric[c]!.push(value);
    });
    categorical.forEach((_, c) => columns.categorical[c]!.push(cells[1 + numeric.length + c]!));
  });
  if (columns.ids.length === 0) throw new CliError(`${file}: no data rows`);
  return columns;
}

/** A name part as plain text for the terminal: "revenue:low", "industry=制造业" (the web renders the codes). */
const describePart = (part: NamePart): string =>
  "level" in part ? `${part.attribute}:${part.level}` : `${part.attribute}=${part.value}`;

/** The `--json` contract `{ k, cost, groups }` plus the choice of k, γ, silhouette and stability. */
function toJsonSummary(result: GroupingResult): Record<string, unknown> {
  return {
    k: result.k,
    cost: result.cost,
    gamma: result.gamma,
    silhouette: result.silhouette,
    silhouetteSampleSize: result.silhouetteSampleSize,
    selection: result.selection,
    selectionSampleSize: result.selectionSampleSize,
    stability: result.stability,
    seed: result.seed,
    restarts: result.restarts,
    iterations: result.iterations,
    isConverged: result.isConverged,
    numeric: result.numericAttributes,
    categorical: result.categoricalAttributes,
    groups: result.profiles.map((profile, g) => ({ ...profile, prototype: result.prototypes[g] })),
  };
}

const formatNumber = (x: number | null, digits = 4): string =>
  x === null ? "—" : Number.isInteger(x) ? String(x) : x.toFixed(digits);

function formatTable(result: GroupingResult, input: string): string {
  const lines = [
    `${input}: ${result.labels.length} rows; k = ${result.k}, γ = ${formatNumber(result.gamma)}, seed ${result.seed}, ${result.restarts} restarts`,
    `cost ${formatNumber(result.cost)}, silhouette (Gower) ${formatNumber(result.silhouette)} on ${result.silhouetteSampleSize} rows` +
      (result.stability
        ? `, stability (ARI of ${result.stability.replicates} subsamples) ${formatNumber(result.stability.mean, 3)}`
        : ""),
    "",
    ["group", "size", "share", "name"].join("\t"),
    ...result.profiles.map((p) =>
      [
        p.group,
        p.size,
        `${(p.shareOfRows * 100).toFixed(1)}%`,
        (p.name.parts.map(describePart).join(" · ") || "—") + (p.name.ordinal ? ` (${p.name.ordinal})` : ""),
      ].join("\t"),
    ),
  ];
  if (result.selection.length > 1) {
    lines.push(
      "",
      `choice of k (on ${result.selectionSampleSize} rows)`,
      ["k", "cost", "silhouette"].join("\t"),
      ...result.selection.map((c) => [c.k, formatNumber(c.cost), formatNumber(c.silhouette)].join("\t")),
    );
  }
  return `${lines.join("\n")}\n`;
}

const csvField = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Writes `assignments.csv` (id, group) and `groups.json` (the summary with profiles) into `out`, all or nothing. */
async function writeOutputs(out: string, result: GroupingResult, ids: readonly string[]): Promise<void> {
  await writeOutputDirectory(out, ["groups.json", "assignments.csv"], async (staging) => {
    writeFileSync(join(staging, "groups.json"), `${JSON.stringify(toJsonSummary(result), null, 2)}\n`);
    const stream = createWriteStream(join(staging, "assignments.csv"));
    stream.write("id,group\n");
    for (let i = 0; i < ids.length; i++) {
      if (!stream.write(`${csvField(ids[i]!)},${result.labels[i]}\n`)) await once(stream, "drain");
    }
    stream.end();
    await once(stream, "finish");
  });
}

async function runGroup(options: GroupOptions): Promise<void> {
  const numeric = splitList(options.numeric);
  const categorical = splitList(options.categorical);
  const log = splitList(options.log);
  if (numeric.length + categorical.length === 0)
    throw new CliError("give at least one attribute with --numeric and/or --categorical");
  const unknownLog = log.filter((column) => !numeric.includes(column));
  if (unknownLog.length > 0) throw new CliError(`--log names columns that are not --numeric: ${unknownLog.join(", ")}`);
  const gamma = options.gamma === undefined ? null : Number(options.gamma);
  if (gamma !== null && !(gamma >= 0)) throw new CliError(`--gamma must be a number ≥ 0, got "${options.gamma}"`);
  const parsed = groupingMethodSchema.safeParse({
    k: parseK(options.k),
    restarts: parseInteger(options.restarts, "--restarts", 1),
    seed: parseInteger(options.seed, "--seed", 0),
    gamma,
  });
  if (!parsed.success) {
    throw new CliError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`).join("; "),
    );
  }
  const columns = await readMixedColumns(options.input, options.id, numeric, categorical);
  let result: GroupingResult;
  try {
    const table = encodeMixedTable({
      numeric: numeric.map((name, c) => ({ name, values: columns.numeric[c]!, log: log.includes(name) })),
      categorical: categorical.map((name, c) => ({ name, values: columns.categorical[c]! })),
    });
    result = groupMixed({ table, method: parsed.data });
  } catch (error) {
    if (error instanceof ClusteringInputError) throw new CliError(`${options.input}: ${error.message}`);
    throw error;
  }
  if (options.out) await writeOutputs(options.out, result, columns.ids);
  process.stdout.write(
    options.json ? `${JSON.stringify(toJsonSummary(result), null, 2)}\n` : formatTable(result, options.input),
  );
}

/**
 * `creditseg group --input FILE.csv --id COLUMN [--categorical a,b] [--numeric c,d] [--log c] (--k 4 | --k 2..8)
 * [--restarts 5] [--seed 0] [--gamma G] [--json] [--out DIR]`: k-prototypes groups over mixed CSV columns.
 */
export function register(program: Command): void {
  program
    .command("group")
    .description(COMMANDS.group.description)
    .requiredOption("--input <file>", "CSV file with a header row")
    .requiredOption("--id <column>", "column identifying each row (written to assignments.csv)")
    .option("--categorical <columns>", "comma-separated categorical columns")
    .option("--numeric <columns>", "comma-separated numeric columns (empty cells are missing: the column's median)")
    .option("--log <columns>", "numeric columns to log-transform first (log1p; values must be ≥ 0)")
    .option("--k <k>", "number of groups, or a range like 2..8 to choose by silhouette", "2..8")
    .option("--restarts <n>", "independent seeded starts; the lowest cost is kept", "5")
    .option("--seed <n>", "seed: the same input and seed give the same result", "0")
    .option(
      "--gamma <g>",
      "weight of a categorical mismatch (default: Huang's, half the mean SD of the scaled numerics)",
    )
    .option("--json", "print { k, cost, groups: [...] } as JSON")
    .option("--out <dir>", "also write assignments.csv (id, group) and groups.json (profiles) into this directory")
    .action(async (options: GroupOptions) => {
      await runGroup(options);
    });
}
