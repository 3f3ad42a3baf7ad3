"use client";

import { useSearchParams } from "next/navigation";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { EmptyState } from "../ui/states";
import { CustomerGroupView } from "./customer-group-view";

/** Reads the group number from the path and the run from `?run=`, then shows the group. */
export function CustomerGroupPage({ groupNo }: { groupNo: string }) {
  const { runId } = readRunSelector(useSearchParams());
  const n = Number(groupNo);
  if (!Number.isInteger(n) || n < 0 || n > 100) return <EmptyState title={groupNo} />;
  return <CustomerGroupView runId={runId} groupNo={n} />;
}
