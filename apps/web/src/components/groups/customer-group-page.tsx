"use client";

import { useSearchParams } from "next/navigation";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { EmptyState } from "../ui/states";
import { CustomerGroupView } from "./customer-group-view";
import { parseGroupNo } from "./group-inputs";

/** Reads the group number from the path and the run from `?run=`, then shows the group. */
export function CustomerGroupPage({ groupNo }: { groupNo: string }) {
  const { runId } = readRunSelector(useSearchParams());
  const n = parseGroupNo(groupNo);
  if (n === undefined) return <EmptyState title={groupNo} />;
  return <CustomerGroupView runId={runId} groupNo={n} />;
}
