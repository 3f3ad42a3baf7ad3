import { Suspense } from "react";
import { CustomerListView } from "~/components/customers/customer-list-view";

export default function CustomersPage() {
  return (
    <Suspense>
      <CustomerListView />
    </Suspense>
  );
}
