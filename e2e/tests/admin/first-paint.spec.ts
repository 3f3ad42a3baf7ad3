import { describeFirstPaint } from "../../support/first-paint";

describeFirstPaint("admin", [
  { name: "users", path: "/users", shows: "main table.data tbody tr" },
  { name: "audit", path: "/audit", shows: "main table.data tbody tr" },
  // The seeded world has no upload yet (the upload flow adds them): the empty history is data too.
  { name: "uploads", path: "/uploads", shows: "main table.data tbody tr", orEmpty: true },
]);
