import { createHash } from "node:crypto";
import { LoanColumnsBuilder, type CustomerRecord, type LoanColumns, type ProjectRecord } from "@creditseg/core";
import type { RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";
import { CUSTOMERS, DEPOSITS, FEES, LOANS, PROJECTS, readPaged, type LoadProgress } from "./load-period-data";

/**
 * What a run keeps of its period after one read of every table: the customers and projects as records (a tenth
 * of the loans or fewer), the loans as typed columns (see LoanColumns), deposits and fee lines only counted. Each
 * customer's accounts are read again, customer by customer, when the run computes their results.
 */
export type PeriodScan = {
  period: string;
  /** Customers with any activity in the period, ordered by id: the order every per-customer array follows. */
  customers: CustomerRecord[];
  loans: LoanColumns;
  depositCount: number;
  feeCount: number;
  projects: ProjectRecord[];
  /** The same SHA-256 as loadPeriodData's: over every row read, in reading order. */
  dataChecksum: string;
};

/**
 * Reads the period in pages of 20,000 rows in the fixed order of loadPeriodData (each table by its natural key),
 * keeping only what the portfolio-wide steps need. `features` are the clustering features kept per loan.
 */
export async function scanPeriod(
  raw: RawQuery,
  period: string,
  features: readonly string[],
  onProgress?: (progress: LoadProgress) => void,
): Promise<PeriodScan> {
  const hash = createHash("sha256");
  const report = (kind: LoadProgress["kind"]) => (rowsRead: number, isDone: boolean) =>
    onProgress?.({ kind, rowsRead, isDone });
  const customers: CustomerRecord[] = [];
  await readPaged(raw, period, CUSTOMERS, hash.update("customers\n"), report("customers"), (c) => customers.push(c));
  const indexOf = new Map(customers.map((c, i) => [c.customerId, i]));
  const customerIndex = (kind: string, id: string, customerId: string) => {
    const index = indexOf.get(customerId);
    if (index === undefined)
      throw new EngineError("CONFLICT", `${kind} ${id} refers to customer ${customerId}, who was not read as active.`);
    return index;
  };
  // Sized by a count so the columns are allocated once (growing them would hold two copies for a moment).
  const [count] = await raw<{ n: number }>("select count(*)::int as n from loans where period = $1", [period]);
  const loans = new LoanColumnsBuilder(features, count?.n ?? 0);
  await readPaged(raw, period, LOANS, hash.update("loans\n"), report("loans"), (loan) =>
    loans.push(loan, customerIndex("loan", loan.loanId, loan.customerId)),
  );
  const depositCount = await readPaged(raw, period, DEPOSITS, hash.update("deposits\n"), report("deposits"), (d) =>
    customerIndex("deposit", d.accountId, d.customerId),
  );
  const feeCount = await readPaged(raw, period, FEES, hash.update("fees\n"), report("fees"), (f) =>
    customerIndex("fee line", f.lineKey, f.customerId),
  );
  const projects: ProjectRecord[] = [];
  await readPaged(raw, period, PROJECTS, hash.update("projects\n"), report("projects"), (p) => projects.push(p));
  for (const p of projects) customerIndex("project", p.projectId, p.customerId);
  return {
    period,
    customers,
    loans: loans.finish(),
    depositCount,
    feeCount,
    projects,
    dataChecksum: hash.digest("hex"),
  };
}
