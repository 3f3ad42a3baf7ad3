/** Delimiters bank exports use, in order of preference when counts tie. */
export const DELIMITER_CANDIDATES = [",", "\t", ";", "|"] as const;

/** Counts a character outside double-quoted fields of one line. */
function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let isQuoted = false;
  for (const c of line) {
    if (c === '"') isQuoted = !isQuoted;
    else if (c === char && !isQuoted) count++;
  }
  return count;
}

/**
 * Picks the delimiter that splits the header and the first lines into the same, largest number
 * of cells. A sample with none of them gives "," (the header then has one cell and is reported).
 */
export function detectDelimiter(sample: string): string {
  const lines = sample
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((line) => line.trim() !== "");
  if (lines.length > 1 && !/\r?\n$/.test(sample)) lines.pop();
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const headerCount = counts[0] ?? 0;
    if (headerCount === 0) continue;
    const consistent = counts.filter((count) => count === headerCount).length;
    const score = headerCount * (consistent / counts.length);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
