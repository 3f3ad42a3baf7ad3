import { fenToYuanString } from "@creditseg/core";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { getServerCaller } from "~/trpc/server";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

const wan = (fen: bigint) => `${fenToYuanString(fen / 10_000n)} 万元`;

/** Placeholder home: who is signed in, the current run's totals by tier, and the first customers, all read through tRPC. */
export default async function HomePage() {
  const caller = await getServerCaller();
  const me = await caller.user.me().catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    throw error;
  });
  const [summary, customers] = await Promise.all([caller.segment.summary({}), caller.customer.list({ limit: 20 })]);
  return (
    <main>
      <header style={{ display: "flex", gap: "1rem", alignItems: "center" }}>
        <h1 style={{ fontSize: "1.25rem", margin: 0 }}>CreditSeg 客户细分</h1>
        <span>
          {me.name} · {me.role}
          {me.officerCode ? ` · ${me.officerCode}` : ""}
        </span>
        <SignOutButton />
      </header>
      <section>
        <h2 style={{ fontSize: "1rem" }}>{summary ? `细分批次 Run ${summary.runId} · ${summary.period}` : "尚无细分批次 No segment run yet"}</h2>
        {summary && (
          <table>
            <thead>
              <tr>
                <th scope="col">Tier 层级</th>
                <th scope="col">Customers 客户数</th>
                <th scope="col">Loan balance 贷款余额</th>
                <th scope="col">NPL 不良率</th>
              </tr>
            </thead>
            <tbody>
              {summary.byTier.map((tier) => (
                <tr key={tier.tier}>
                  <td>{tier.tier}</td>
                  <td>{tier.customers}</td>
                  <td>{wan(tier.loanBalanceFen)}</td>
                  <td>{tier.nplRatioPct === null ? "—" : `${tier.nplRatioPct}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2 style={{ fontSize: "1rem" }}>客户 Customers ({customers.total ?? customers.items.length})</h2>
        <ul>
          {customers.items.map((customer) => (
            <li key={customer.customerId}>
              {customer.customerId} · {customer.name} · {customer.industry} · {customer.region}
              {customer.tier ? ` · ${customer.tier} / ${customer.grade}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
