import { Suspense } from "react";
import { LoanListView } from "~/components/loans/loan-list-view";

export default function LoansPage() {
  return (
    <Suspense>
      <LoanListView />
    </Suspense>
  );
}
