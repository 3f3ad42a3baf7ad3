import { Suspense } from "react";
import { CustomerView } from "~/components/customer/customer-view";

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  return (
    <Suspense>
      <CustomerView customerId={decodeURIComponent(customerId)} />
    </Suspense>
  );
}
