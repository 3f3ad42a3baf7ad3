import { describeFirstPaint } from "../../support/first-paint";

describeFirstPaint("risk_manager", [
  { name: "dashboard", path: "/", shows: "[data-testid=segmentation-and-grouping]" },
  { name: "customers", path: "/customers", shows: "[data-testid=customer-list] tbody tr" },
  {
    name: "customers, filtered and sorted",
    path: "/customers?tier=A&sort=name&dir=asc",
    shows: "[data-testid=customer-list] tbody tr",
    orEmpty: true,
  },
  {
    name: "a customer",
    from: { path: "/customers", link: "[data-testid=customer-list] tbody a[href^='/customers/']" },
    shows: "[data-testid=contribution-total]",
  },
  { name: "loans", path: "/loans", shows: "[data-testid=loan-list] tbody tr" },
  {
    name: "loans of a cluster of the current run",
    path: "/loans?cluster=0",
    shows: "[data-testid=loan-list] tbody tr",
    orEmpty: true,
  },
  { name: "projects", path: "/projects", shows: "[data-testid=found-project-groups] tbody tr" },
  {
    name: "a found project group's projects",
    from: { path: "/projects", link: "[data-testid=found-project-groups] a[href^='/groups/projects/']" },
    shows: "[data-testid=found-group-projects] tbody tr",
  },
  { name: "runs", path: "/runs", shows: "[data-testid=run-list] tbody tr" },
  {
    name: "a run",
    from: { path: "/runs", link: "[data-testid=run-list] a[href^='/runs/']" },
    shows: "[data-testid=run-facts]",
  },
  { name: "policies", path: "/policies", shows: "[data-testid=policy-versions] tbody tr" },
  { name: "the active policy", path: "/policies", shows: "[data-testid=active-policy]" },
  { name: "clusters", path: "/clusters", shows: "main table.data tbody tr" },
  { name: "overrides", path: "/overrides", shows: "[data-testid=override-queue] tbody tr", orEmpty: true },
  { name: "customer groups", path: "/groups", shows: "[data-testid=customer-groups] tbody tr" },
  {
    name: "a customer group's members",
    from: { path: "/groups", link: "[data-testid=customer-groups] a[href^='/groups/customers/']" },
    shows: "[data-testid=group-members] tbody tr",
  },
]);
