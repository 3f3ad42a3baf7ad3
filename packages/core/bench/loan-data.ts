import { createRng } from "../src/random";

/** Product bundles of loan-like data: share of loans, median amount (CNY), log-SD of amount, terms (months), rate mean and SD (annual %). */
const BUNDLES = [
  { share: 0.3, medianAmount: 5e5, amountSpread: 0.6, terms: [6, 12], rateMean: 5.4, rateSd: 0.5 }, // micro working capital, unsecured
  { share: 0.3, medianAmount: 3e6, amountSpread: 0.5, terms: [12], rateMean: 4.2, rateSd: 0.35 }, // SME working capital
  { share: 0.15, medianAmount: 1e6, amountSpread: 0.4, terms: [3, 6], rateMean: 3.0, rateSd: 0.25 }, // trade finance, bills
  { share: 0.17, medianAmount: 2e7, amountSpread: 0.7, terms: [36, 60], rateMean: 3.9, rateSd: 0.3 }, // fixed-asset loans
  { share: 0.08, medianAmount: 2e8, amountSpread: 0.8, terms: [60, 120, 180], rateMean: 3.6, rateSd: 0.25 }, // project finance
];

/**
 * `n` seeded loan-like rows, row-major [rate (annual %, 2 decimals), amount (CNY, rounded to 1,000), term (months)],
 * drawn from the bundles above (the same mixture as the parity fixture's loans).
 */
export function generateLoanRows(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
  const rows = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    let draw = rng.uniform();
    const bundle = BUNDLES.find((b) => (draw -= b.share) < 0) ?? BUNDLES[BUNDLES.length - 1]!;
    const rate = Math.min(8, Math.max(2, bundle.rateMean + bundle.rateSd * normal()));
    rows[i * 3] = Math.round(rate * 100) / 100;
    rows[i * 3 + 1] = Math.round((bundle.medianAmount * Math.exp(bundle.amountSpread * normal())) / 1000) * 1000;
    rows[i * 3 + 2] = bundle.terms[rng.int(bundle.terms.length)]!;
  }
  return rows;
}
