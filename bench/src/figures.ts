/** One benchmark figure as bench/results.json stores it: a value beside a baseline measured in the same run. */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  min?: number;
  max?: number;
  baseline: { name: string; value: number } | null;
  /** value ÷ baseline: for times, below 1 is faster than the baseline; for rates (rows/s), above 1 is faster. */
  ratio: number | null;
  /** The goal, as a bound on the ratio or on the value. */
  target?: { op: "<=" | ">="; ratio?: number; value?: number };
  note?: string;
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whether a figure meets its target; null when it has none. */
export function isTargetMet(figure: Figure): boolean | null {
  const t = figure.target;
  if (!t) return null;
  const actual = t.ratio !== undefined ? figure.ratio : figure.value;
  const bound = t.ratio ?? t.value;
  if (actual === null || bound === undefined) return null;
  return t.op === "<=" ? actual <= bound : actual >= bound;
}

export function printFigure(figure: Figure, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(figure)}\n`);
    return;
  }
  const baseline = figure.baseline
    ? ` | baseline ${figure.baseline.name}: ${figure.baseline.value.toFixed(3)} ${figure.unit}`
    : "";
  const ratio = figure.ratio === null ? "" : ` | ratio ${figure.ratio.toFixed(2)}`;
  process.stdout.write(
    `${figure.name}: ${figure.value.toFixed(3)} ${figure.unit}${baseline}${ratio}${figure.note ? ` (${figure.note})` : ""}\n`,
  );
}

/** The value after `--name` on the command line, if any. */
export function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
