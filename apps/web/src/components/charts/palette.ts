/** Chart colours: distinguishable, calm, AA contrast against white for labels. */
export const SERIES_COLORS = [
  "#0b5cad",
  "#1d7a5a",
  "#b25d00",
  "#7a3fa0",
  "#a61b1b",
  "#2f6f8f",
  "#6b7a12",
  "#8a4f6d",
] as const;

export function pickColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/**
 * Heat-map fill for a share 0..1: from near-white to a mid blue. The darkest fill stays light enough
 * for dark text at WCAG AA (4.5:1), so every count stays readable.
 */
export function heatColors(share: number): { background: string; color: string } {
  const clamped = Math.max(0, Math.min(1, share));
  const lightness = 97 - clamped * 33;
  return { background: `hsl(211 75% ${lightness}%)`, color: "#111a24" };
}
