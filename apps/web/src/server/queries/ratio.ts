/**
 * numerator ÷ denominator as a percent string rounded half-up to `decimals` places ("12.35"),
 * computed on bigints so fen sums never pass through floating point. Null when the denominator is 0.
 */
export function formatSharePct(numerator: bigint, denominator: bigint, decimals = 2): string | null {
  if (denominator === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const negative = numerator < 0n !== denominator < 0n;
  const num = (numerator < 0n ? -numerator : numerator) * 100n * scale;
  const den = denominator < 0n ? -denominator : denominator;
  const rounded = (num * 2n + den) / (den * 2n);
  const whole = rounded / scale;
  const fraction = (rounded % scale).toString().padStart(decimals, "0");
  const text = decimals > 0 ? `${whole}.${fraction}` : `${whole}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}
