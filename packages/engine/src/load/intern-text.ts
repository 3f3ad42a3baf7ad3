/** Distinct values kept at most: enough for a bank's industries, regions and officers, bounded whatever the data. */
const MAX_INTERNED = 10_000;

/**
 * One shared string per distinct value of a column that repeats (industry, region, officer…). The driver makes a
 * new string for every row: at a million customers that is millions of copies of a few hundred values, kept for
 * the whole run.
 */
export function createInterner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    const kept = seen.get(text);
    if (kept !== undefined) return kept;
    if (seen.size < MAX_INTERNED) seen.set(text, text);
    return text;
  };
}
