import { createWriteStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import type { Command } from "commander";
import { renderClusterLabel } from "@creditseg/core/clustering";
import { COMMANDS } from "./catalog";
import {
  ClusteringInputError,
  clusteringSettingsSchema,
  clusterPoints,
  SCALE_METHODS,
  type ClusteringResult,
} from "@creditseg/core";
import { CliError } from "../cli-error";
import { writeOutputDirectory } from "../output-directory";
import { readCsvColumns } from "../read-csv-columns";

type ClusterOptions = {
  input: string;
  features: string;
  log?: string;
  scale: string;
  k: string;
  restarts: string;
  seed: string;
  weight?: string;
  json?: boolean;
  out?: string;
};

/** Numeric columns read from the CSV: `values` row-major in `features` order, `weights` when asked. */
type NumericTable = { values: Float64Array; rows: number; weights: Float64Array | null };

const splitList = (list: string | undefined): string[] =>
  (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

function parseInteger(value: string, option: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new CliError(`${option} must be an integer ≥ ${min}, got "${value}"`);
  return Number(value);
}

/** `--k 4` or `--k 2..8`. */
function parseK(value: string): number | { min: number; max: number } {
  const range = /^(\d+)\.\.(\d+)$/.exec(value.trim());
  if (range) return { min: Number(range[1]), max: Number(range[2]) };
  return parseInteger(value.trim(), "--k", 1);
}

/**
 * Reads the feature (and weight) columns as numbers. A missing column or a value that is not a finite
 * number is a CliError naming file, row (data rows from 1, header excluded), line and column.
 */
async function readNumericColumns(file: string, columns: readonly string[]): Promise<NumericTable> {
  let capacity = 1024;
  let values = new Float64Array(capacity * columns.length);
  const rows = await readCsvColumns(file, columns, (cells, row, line) => {
    if (row > capacity) {
      capacity *= 2;
      const grown = new Float64Array(capacity * columns.length);
      grown.set(values);
      values = grown;
    }
    cells.forEach((text, c) => {
      const value = text === "" ? Number.NaN : Number(text);
      if (!Number.isFinite(value))
        throw new CliError(`${file}: row ${row} (line ${line}), column "${columns[c]}": "${text}" is not a number`);
      values[(row - 1) * columns.length + c] = value;
    });
  });
  return { values: values.subarray(0, rows * columns.length), rows, weights: null };
}

/** Splits the weight column (last) off the feature columns. */
function separateWeights(table: NumericTable, featureCount: number): NumericTable {
  const width = featureCount + 1;
  const values = new Float64Array(table.rows * featureCount);
  const weights = new Float64Array(table.rows);
  for (let i = 0; i < table.rows; i++) {
    for (let f = 0; f < featureCount; f++) values[i * featureCount + f] = table.values[i * width + f]!;
    weights[i] = table.values[i * width + featureCount]!;
  }
  return { values, rows: table.rows, weights };
}

/** The `--json` contract plus the profiles and stability (extra keys). Centroids are in raw units. */
function toJsonSummary(result: ClusteringResult): Record<string, unknown> {
  return {
    k: result.k,
    inertia: result.inertia,
    silhouette: result.silhouette,
    silhouetteSampleSize: result.silhouetteSampleSize,
    sizes: result.sizes,
    features: result.features,
    centroids: result.centroidsRaw,
    centroidsTransformed: result.centroids,
    // The contract gives each name in both languages, worded by core from its code and parameters.
    labels: result.clusterLabels.map((label) => ({
      zh: renderClusterLabel(label, "zh-CN"),
      en: renderClusterLabel(label, "en"),
    })),
    selection: result.selection,
    selectionSampleSize: result.selectionSampleSize,
    seed: result.seed,
    restarts: result.restarts,
    iterations: result.iterations,
    isConverged: result.isConverged,
    stability: result.stability,
    profiles: result.profiles,
    transform: result.transform,
  };
}

const formatNumber = (x: number | null, digits = 4): string =>
  x === null ? "—" : Number.isInteger(x) ? String(x) : x.toFixed(digits);

function formatTable(result: ClusteringResult, input: string): string {
  const lines = [
    `${input}: ${result.labels.length} rows, features ${result.features.join(", ")}; k = ${result.k}, seed ${result.seed}, ${result.restarts} restarts`,
    `inertia ${formatNumber(result.inertia)} (transformed space), silhouette ${formatNumber(result.silhouette)} on ${result.silhouetteSampleSize} rows` +
      (result.stability
        ? `, stability (ARI of ${result.stability.replicates} subsamples) ${formatNumber(result.stability.mean, 3)}`
        : ""),
    "",
    ["cluster", "size", "share", ...result.features.map((f) => `${f} (centre)`), "label"].join("\t"),
    ...result.profiles.map((p) =>
      [
        p.cluster,
        p.size,
        `${(p.shareOfRows * 100).toFixed(1)}%`,
        ...p.centroidRaw.map((x) => formatNumber(x, 2)),
        `${renderClusterLabel(p.label, "zh-CN")} / ${renderClusterLabel(p.label, "en")}`,
      ].join("\t"),
    ),
  ];
  if (result.selection.length > 1) {
    const sampled =
      result.selectionSampleSize < result.labels.length
        ? ` (each k fitted on a seeded sample of ${result.selectionSampleSize} rows; k = ${result.k} then on all rows)`
        : "";
    lines.push(
      "",
      `choice of k${sampled}`,
      ["k", "inertia", "silhouette"].join("\t"),
      ...result.selection.map((c) => [c.k, formatNumber(c.inertia), formatNumber(c.silhouette)].join("\t")),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Quotes a CSV field when needed. */
const csvField = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Writes `clusters.json` and `assignments.csv` (row, features, cluster, labels) into `out`, all or nothing. */
async function writeOutputs(out: string, result: ClusteringResult, table: NumericTable): Promise<void> {
  await writeOutputDirectory(out, ["clusters.json", "assignments.csv"], async (staging) => {
    writeFileSync(join(staging, "clusters.json"), `${JSON.stringify(toJsonSummary(result), null, 2)}\n`);
    const stream = createWriteStream(join(staging, "assignments.csv"));
    const dims = result.features.length;
    const labels = result.clusterLabels.map(
      (l) => `${csvField(renderClusterLabel(l, "zh-CN"))},${csvField(renderClusterLabel(l, "en"))}`,
    );
    stream.write(`row,${result.features.map(csvField).join(",")},cluster,label_zh,label_en\n`);
    for (let i = 0; i < table.rows; i++) {
      const cluster = result.labels[i]!;
      const features = Array.from(table.values.subarray(i * dims, (i + 1) * dims)).join(",");
      if (!stream.write(`${i + 1},${features},${cluster},${labels[cluster]}\n`)) await once(stream, "drain");
    }
    stream.end();
    await once(stream, "finish");
  });
}

async function runCluster(options: ClusterOptions): Promise<void> {
  const features = splitList(options.features);
  if (features.length === 0) throw new CliError("--features needs at least one column name");
  const log = splitList(options.log);
  if (!(SCALE_METHODS as readonly string[]).includes(options.scale))
    throw new CliError(`--scale must be one of ${SCALE_METHODS.join(", ")}, got "${options.scale}"`);
  const parsed = clusteringSettingsSchema.safeParse({
    features,
    log,
    scale: options.scale,
    k: parseK(options.k),
    restarts: parseInteger(options.restarts, "--restarts", 1),
    seed: parseInteger(options.seed, "--seed", 0),
  });
  if (!parsed.success) {
    throw new CliError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`).join("; "),
    );
  }
  const columns = options.weight ? [...features, options.weight] : features;
  const read = await readNumericColumns(options.input, columns);
  const table = options.weight ? separateWeights(read, features.length) : read;
  let result: ClusteringResult;
  try {
    result = clusterPoints({
      rows: table.values,
      features,
      settings: parsed.data,
      weights: table.weights ?? undefined,
    });
  } catch (error) {
    if (error instanceof ClusteringInputError) throw new CliError(`${options.input}: ${error.message}`);
    throw error;
  }
  if (options.out) await writeOutputs(options.out, result, table);
  process.stdout.write(
    options.json ? `${JSON.stringify(toJsonSummary(result), null, 2)}\n` : formatTable(result, options.input),
  );
}

/**
 * `creditseg cluster --input FILE.csv --features a,b,c [--log a] [--scale zscore] (--k 4 | --k 2..8)
 * [--restarts 10] [--seed 0] [--weight col] [--json] [--out DIR]`: k-means on any CSV's numeric columns.
 */
export function register(program: Command): void {
  program
    .command("cluster")
    .description(COMMANDS.cluster.description)
    .requiredOption("--input <file>", "CSV file with a header row")
    .requiredOption("--features <columns>", "comma-separated numeric columns to cluster on")
    .option("--log <columns>", "comma-separated features to log-transform first (log1p; values must be ≥ 0)")
    .option("--scale <method>", `scaling after the log: ${SCALE_METHODS.join(" | ")}`, "zscore")
    .option("--k <k>", "number of clusters, or a range like 2..8 to choose by silhouette", "2..8")
    .option("--restarts <n>", "independent k-means++ starts; the lowest inertia is kept", "10")
    .option("--seed <n>", "seed: the same input and seed give the same result", "0")
    .option("--weight <column>", "numeric column (e.g. balance) for each cluster's share of the total")
    .option("--json", "print the result as JSON")
    .option("--out <dir>", "also write clusters.json and assignments.csv (each row's cluster) into this directory")
    .action(async (options: ClusterOptions) => {
      await runCluster(options);
    });
}
