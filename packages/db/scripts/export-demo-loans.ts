/**
 * Writes the loans of the demo world (the first N customers of the default seed) as rate (annual %),
 * amount (CNY) and term (months) to packages/core/src/clustering/__fixtures__/demo-loans.csv, the
 * input of the scikit-learn parity fixture for the demo data (packages/core/scripts/make-kmeans-fixtures.py).
 *
 *   npx tsx packages/db/scripts/export-demo-loans.ts [--customers 600]
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCustomer } from "../src/seed";

const { values } = parseArgs({ options: { customers: { type: "string", default: "600" } } });
const customers = Number(values.customers);
const world = { customers, period: "2025", seed: 20_250_101 };
const lines = ["rate,amount,term_months"];
for (let i = 0; i < customers; i++) {
  for (const loan of generateCustomer(i, world).loans) {
    // amountFen is a whole number of yuan × 100 in the demo world, so the division is exact.
    lines.push(`${loan.ratePct},${loan.amountFen / 100n},${loan.termMonths}`);
  }
}
const target = fileURLToPath(new URL("../../core/src/clustering/__fixtures__/demo-loans.csv", import.meta.url));
writeFileSync(target, `${lines.join("\n")}\n`);
process.stdout.write(`wrote ${lines.length - 1} demo loans to ${target}\n`);
