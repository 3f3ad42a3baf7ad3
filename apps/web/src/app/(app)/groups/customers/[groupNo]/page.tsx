import { Suspense } from "react";
import { CustomerGroupPage } from "~/components/groups/customer-group-page";
import { RequirePermission } from "~/components/session/require-permission";

/** A customer group of a run: `/groups/customers/2?run=7` (no run: the current run). */
export default async function Page({ params }: { params: Promise<{ groupNo: string }> }) {
  const { groupNo } = await params;
  return (
    <RequirePermission permission="segment.read">
      <Suspense>
        <CustomerGroupPage groupNo={groupNo} />
      </Suspense>
    </RequirePermission>
  );
}
