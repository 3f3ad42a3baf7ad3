// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { moneyColumn, rateColumn } from "./columns";
import { DataTable, type DataColumn } from "./data-table";
import { renderWithIntl } from "./testing/render-with-intl";

type Loan = { id: string; name: string; balanceFen: bigint; ratePct: string };

const LOANS: Loan[] = [
  { id: "L1", name: "Beta", balanceFen: 250_000_000n, ratePct: "3.807000" },
  { id: "L2", name: "Alpha", balanceFen: 1_200_000_000_000n, ratePct: "4.35" },
  { id: "L3", name: "Gamma", balanceFen: 8_000_000n, ratePct: "2.9" },
];

const columns: DataColumn<Loan>[] = [
  { id: "name", header: "Name", accessorFn: (row) => row.name, meta: { isRowHeader: true } },
  moneyColumn<Loan>({ id: "balance", header: "Balance (CNY m)", fen: (row) => row.balanceFen }),
  rateColumn<Loan>({ id: "rate", header: "Rate", pct: (row) => row.ratePct }),
];

function bodyNames(): string[] {
  const [, body] = screen.getAllByRole("rowgroup");
  return within(body!)
    .getAllByRole("rowheader")
    .map((cell) => cell.textContent ?? "");
}

afterEach(cleanup);

describe("DataTable", () => {
  it("renders rows with column headers, row headers, money in the table unit and rates to two decimals", () => {
    renderWithIntl(<DataTable columns={columns} rows={LOANS} rowId={(row) => row.id} caption="Loans" empty="None" />);
    const table = screen.getByRole("table", { name: "Loans" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.getAttribute("scope")),
    ).toEqual(["col", "col", "col"]);
    expect(bodyNames()).toEqual(["Beta", "Alpha", "Gamma"]);
    const beta = screen.getByRole("rowheader", { name: "Beta" }).closest("tr")!;
    // 250,000,000 fen = 2,500,000 yuan = CNY 2.50m; "3.807000" reads 3.81%.
    expect(
      within(beta)
        .getAllByRole("cell")
        .map((td) => td.textContent),
    ).toEqual(["2.50", "3.81%"]);
  });

  it("sorts by a header with the mouse and with the keyboard, saying the order in aria-sort", async () => {
    const user = userEvent.setup();
    renderWithIntl(<DataTable columns={columns} rows={LOANS} rowId={(row) => row.id} caption="Loans" empty="None" />);
    const balanceHeader = screen.getByRole("columnheader", { name: /Balance/ });
    expect(balanceHeader.getAttribute("aria-sort")).toBe("none");

    await user.click(within(balanceHeader).getByRole("button"));
    expect(balanceHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(bodyNames()).toEqual(["Gamma", "Beta", "Alpha"]);

    within(balanceHeader).getByRole("button").focus();
    await user.keyboard("{Enter}");
    expect(balanceHeader.getAttribute("aria-sort")).toBe("descending");
    expect(bodyNames()).toEqual(["Alpha", "Beta", "Gamma"]);

    const nameHeader = screen.getByRole("columnheader", { name: /Name/ });
    await user.click(within(nameHeader).getByRole("button"));
    expect(nameHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(balanceHeader.getAttribute("aria-sort")).toBe("none");
    expect(bodyNames()).toEqual(["Alpha", "Beta", "Gamma"]);
  });

  it("hands a server-sorted list's header clicks to the query instead of reordering the rows", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithIntl(
      <DataTable
        columns={columns}
        rows={LOANS}
        rowId={(row) => row.id}
        caption="Loans"
        empty="None"
        serverSort={{ by: "balance", isDescending: true, onChange }}
      />,
    );
    const balanceHeader = screen.getByRole("columnheader", { name: /Balance/ });
    expect(balanceHeader.getAttribute("aria-sort")).toBe("descending");
    await user.click(within(balanceHeader).getByRole("button"));
    expect(onChange).toHaveBeenCalledWith({ by: "balance", isDescending: false });
    expect(bodyNames()).toEqual(["Beta", "Alpha", "Gamma"]);
  });

  it("pages in the browser and announces the page", async () => {
    const user = userEvent.setup();
    renderWithIntl(
      <DataTable columns={columns} rows={LOANS} rowId={(row) => row.id} caption="Loans" empty="None" pageSize={2} />,
    );
    expect(bodyNames()).toEqual(["Beta", "Alpha"]);
    expect(screen.getByText("Page 1 of 2")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(bodyNames()).toEqual(["Gamma"]);
    expect(screen.getByText("Page 2 of 2")).toBeTruthy();
  });

  it("shows the empty, loading and error states instead of a table", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const view = renderWithIntl(
      <DataTable columns={columns} rows={[]} rowId={(row) => row.id} caption="Loans" empty="No loans yet" />,
    );
    expect(screen.getByText("No loans yet")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();

    view.rerender(
      <DataTable columns={columns} rows={undefined} isLoading rowId={(row) => row.id} caption="Loans" empty="-" />,
    );
    expect(screen.getByRole("status").textContent).toContain("Loading");

    view.unmount();
    renderWithIntl(
      <DataTable
        columns={columns}
        rows={undefined}
        error={{ message: "database unavailable" }}
        onRetry={onRetry}
        rowId={(row) => row.id}
        caption="Loans"
        empty="-"
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("The request could not be completed; please try again.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("offers more rows while a cursor remains", async () => {
    const user = userEvent.setup();
    const onLoadMore = vi.fn();
    renderWithIntl(
      <DataTable
        columns={columns}
        rows={LOANS}
        rowId={(row) => row.id}
        caption="Loans"
        empty="-"
        more={{ shown: 3, total: 1200, hasMore: true, isLoadingMore: false, onLoadMore }}
      />,
    );
    expect(screen.getByText("3 of 1,200 shown")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Load more" }));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });
});
