import { findCustomerInScope, type CustomerRow, type Db } from "@creditseg/db";
import type { SessionUser } from "../../auth/session";
import { notFound } from "../errors";
import { customerScopeOf } from "../trpc";

/**
 * The customer a read is about, within the caller's scope. Another officer's customer answers NOT_FOUND exactly like a
 * missing one, so an officer cannot learn which customer ids exist.
 */
export async function requireCustomerInScope(db: Db, user: SessionUser, customerId: string): Promise<CustomerRow> {
  const customer = await findCustomerInScope(db, { customerId, scope: customerScopeOf(user) });
  if (!customer) throw notFound("CUSTOMER_NOT_FOUND", "The customer");
  return customer;
}
