/** A tier or grade mix as "label n · label n", keys in the stored (policy) order, empty counts left out. */
export function formatMix(mix: Record<string, number>, label: (key: string) => string, separator: string): string {
  return Object.entries(mix)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${label(key)} ${n}`)
    .join(separator);
}
