import { describeFirstPaint } from "../../support/first-paint";

// An officer's pages are prefetched through the same procedures, so in the officer's scope.
describeFirstPaint("credit_officer", [
  { name: "customers", path: "/customers", shows: "[data-testid=customer-list] tbody tr" },
  { name: "loans", path: "/loans", shows: "[data-testid=loan-list] tbody tr" },
  { name: "customer groups", path: "/groups", shows: "[data-testid=customer-groups] tbody tr" },
  {
    name: "a customer group's members",
    from: { path: "/groups", link: "[data-testid=customer-groups] a[href^='/groups/customers/']" },
    shows: "[data-testid=group-members] tbody tr",
  },
  { name: "overrides", path: "/overrides", shows: "[data-testid=override-queue] tbody tr", orEmpty: true },
]);
