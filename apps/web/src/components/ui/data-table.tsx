"use client";

import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formatCount } from "~/i18n/format";
import { EmptyState, ErrorState, LoadingState } from "./states";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match react-table's own
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures (money, rates, counts). */
    isNumeric?: boolean;
    /** The cell names its row for screen readers: rendered as `<th scope="row">`. */
    isRowHeader?: boolean;
    /** Extra class on the column's cells, e.g. "nowrap". */
    className?: string;
    /**
     * The cells hold the bank's own data as entered (names, industries, regions, file names): marked
     * `translate="no"`, so neither a browser translator nor the language check treats them as interface text.
     */
    isData?: boolean;
  }
}

/** A list's columns: react-table column definitions over the row type. */
// `any` as react-table's own docs type a mixed column array: each column's value type differs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<T> = ColumnDef<T, any>;

/** The server's sort, for lists sorted by a query (keyset paging) rather than in the browser. */
export type ServerSort = {
  /** Column id sorted by, and whether descending. */
  by: string;
  isDescending: boolean;
  /** Called with the new column and direction when a sortable header is activated. */
  onChange: (next: { by: string; isDescending: boolean }) => void;
};

/** What sits under the rows: how many are shown, and the way to load more when a cursor remains. */
export type MoreRows = {
  shown: number;
  total?: number | null;
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore: () => void;
};

export type DataTableProps<T> = {
  columns: DataColumn<T>[];
  rows: readonly T[] | undefined;
  rowId: (row: T) => string;
  /** Accessible name of the table, shown as its caption when `isCaptionVisible`. */
  caption: string;
  isCaptionVisible?: boolean;
  isLoading?: boolean;
  error?: { message: string } | null;
  onRetry?: () => void;
  /** What an empty list says (and what to do next). */
  empty: ReactNode;
  /** Sorting in the browser (the default, for lists loaded whole) or by the server. */
  serverSort?: ServerSort;
  /** Pages of this many rows in the browser; leave out for lists paged by a cursor or short enough to show whole. */
  pageSize?: number;
  more?: MoreRows;
  /** Table class besides "data": "heat" for matrices. */
  variant?: "heat";
  footer?: ReactNode;
  testId?: string;
  loadingRows?: number;
};

type SortDirection = "ascending" | "descending" | "none";

/**
 * Every list in the app: a column array over rows, with sorting (headers are buttons, `aria-sort` says the
 * order), browser or cursor paging, and the loading, error and empty states in one place.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const t = useTranslations("common");
  const [sorting, setSorting] = useState<SortingState>([]);
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: props.pageSize ?? 1_000_000 });
  const { serverSort } = props;
  // The app does not use the React Compiler, and nothing memoises this component: TanStack Table v8's instance is
  // meant to be read afresh on every render, which is what the rule warns a compiler would not do.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: (props.rows ?? []) as T[],
    columns: props.columns,
    getRowId: (row) => props.rowId(row),
    state: {
      sorting: serverSort ? [{ id: serverSort.by, desc: serverSort.isDescending }] : sorting,
      pagination,
    },
    manualSorting: Boolean(serverSort),
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (updater) => {
      const current: SortingState = serverSort ? [{ id: serverSort.by, desc: serverSort.isDescending }] : sorting;
      const next = typeof updater === "function" ? updater(current) : updater;
      if (serverSort) {
        const [first] = next;
        if (first) serverSort.onChange({ by: first.id, isDescending: first.desc });
      } else {
        setSorting(next);
        setPagination((page) => ({ ...page, pageIndex: 0 }));
      }
    },
    onPaginationChange: setPagination,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });

  if (props.error) return <ErrorState error={props.error} onRetry={props.onRetry} />;
  if (props.isLoading || props.rows === undefined) return <LoadingState rows={props.loadingRows ?? 6} />;
  if (props.rows.length === 0) return <EmptyState>{props.empty}</EmptyState>;

  const isPaged = props.pageSize !== undefined && table.getPageCount() > 1;
  return (
    <>
      <div className="table-wrap">
        <table className={props.variant ? `data ${props.variant}` : "data"} data-testid={props.testId}>
          <caption className={props.isCaptionVisible ? undefined : "visually-hidden"}>{props.caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const canSort = header.column.getCanSort();
                  const sorted = header.column.getIsSorted();
                  const direction: SortDirection =
                    sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
                  const label = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan}
                      className={meta?.isNumeric ? "num" : undefined}
                      aria-sort={canSort ? direction : undefined}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                          title={t("sortBy")}
                        >
                          {label}
                          <span aria-hidden="true" className="sort-mark">
                            {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const className =
                    [meta?.isNumeric ? "num" : "", meta?.className ?? ""].filter(Boolean).join(" ") || undefined;
                  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                  const translate = meta?.isData ? "no" : undefined;
                  return meta?.isRowHeader ? (
                    <th key={cell.id} scope="row" className={className} translate={translate}>
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} className={className} translate={translate}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {props.footer ? <tfoot>{props.footer}</tfoot> : null}
        </table>
      </div>
      {isPaged ? (
        <nav className="row table-pager" aria-label={t("pages")}>
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {t("previous")}
          </button>
          <span className="muted" aria-live="polite">
            {t("pageOf", { page: pagination.pageIndex + 1, pages: table.getPageCount() })}
          </span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            {t("next")}
          </button>
        </nav>
      ) : null}
      {props.more ? <MoreRowsBar more={props.more} /> : null}
    </>
  );
}

function MoreRowsBar({ more }: { more: MoreRows }) {
  const t = useTranslations("common");
  const locale = useLocale();
  return (
    <div className="row table-pager">
      <span className="muted">
        {more.total !== undefined && more.total !== null
          ? t("rowsShown", { shown: formatCount(more.shown, locale), total: formatCount(more.total, locale) })
          : t("rowsShownOpen", { shown: formatCount(more.shown, locale) })}
      </span>
      {more.hasMore ? (
        <button type="button" onClick={more.onLoadMore} disabled={more.isLoadingMore}>
          {more.isLoadingMore ? t("loading") : t("more")}
        </button>
      ) : null}
    </div>
  );
}
