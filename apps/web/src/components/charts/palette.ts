/** Chart colours: distinguishable, calm, AA contrast against white for labels. */
export const SERIES_COLORS = ["#0b5cad", "#1d7a5a", "#b25d00", "#7a3fa0", "#a61b1b", "#2f6f8f", "#6b7a12", "#8a4f6d"] as const;

export function pickColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** Heat-map fill for a share 0..1: from near-white to the accent blue; text flips to white on dark cells. */
export function heatColors(share: number): { background: string; color: string } {
  const clamped = Math.max(0, Math.min(1, share));
  const lightness = 97 - clamped * 62;
  return { background: `hsl(211 70% ${lightness}%)`, color: lightness < 55 ? "#ffffff" : "#1b2430" };
}
