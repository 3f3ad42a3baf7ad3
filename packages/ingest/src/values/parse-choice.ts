import { type CellParse, type CellValue, failed, parsed } from "./cell";

/** Folds case, spaces, underscores and hyphens so "Special Mention", "special_mention" and "SPECIAL-MENTION" match. */
export function foldChoiceText(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_\-–]+/g, "");
}

/**
 * A parser for a closed set of values written in Chinese or English: `aliases` maps each value to the
 * words banks use for it. Unknown words are rejected with the allowed values listed.
 */
export function choiceParser<T extends string>(
  aliases: Record<T, readonly string[]>,
): (cell: CellValue) => CellParse<T> {
  const lookup = new Map<string, T>();
  for (const [value, words] of Object.entries(aliases) as [T, readonly string[]][]) {
    lookup.set(foldChoiceText(value), value);
    for (const word of words) lookup.set(foldChoiceText(word), value);
  }
  const allowed = Object.entries(aliases as Record<string, readonly string[]>)
    .map(([value, words]) => [value, ...words].join("/"))
    .join("; ");
  return (cell) => {
    const value = lookup.get(foldChoiceText(String(cell)));
    return value === undefined ? failed("invalid_choice", { allowed }) : parsed(value);
  };
}
