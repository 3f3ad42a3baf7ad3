"use client";

import { useQueries, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import type { MoreRows } from "./data-table";

/** A page of a keyset-paged list, as the list procedures return it. */
export type CursorPage<TItem> = { items: TItem[]; nextCursor?: string | null; total?: number | null };

/**
 * Pages a list by keyset cursor: the first page, then one query per "load more". Changing the input (any
 * filter or sort, serialised as `inputKey`) starts again from the first page. Not an infinite query, because
 * tRPC adds its own `direction` to an infinite query's input, which would clash with a list's sort direction.
 */
export function useCursorPages<TPage extends CursorPage<unknown>, TError>({
  inputKey,
  queryFor,
  isEnabled = true,
}: {
  inputKey: string;
  // The key type is left open: tRPC's query keys are mutable tuples, TanStack's default is a readonly array.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  queryFor: (cursor: string | null) => UseQueryOptions<TPage, TError, TPage, any>;
  isEnabled?: boolean;
}): {
  first: UseQueryResult<TPage, TError>;
  items: TPage["items"][number][];
  more: MoreRows;
} {
  const [cursors, setCursors] = useState<{ key: string; list: string[] }>({ key: "", list: [] });
  const pageCursors = cursors.key === inputKey ? cursors.list : [];
  const pages: UseQueryResult<TPage, TError>[] = useQueries({
    queries: [null, ...pageCursors].map((cursor) => ({ ...queryFor(cursor), enabled: isEnabled })),
  });
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  const nextCursor = last.data?.nextCursor ?? null;
  const items: TPage["items"][number][] = pages.flatMap((page) => page.data?.items ?? []);
  return {
    first,
    items,
    more: {
      shown: items.length,
      total: first.data?.total,
      hasMore: nextCursor !== null,
      isLoadingMore: pages.length > 1 && last.isPending,
      onLoadMore: () => {
        if (nextCursor !== null) setCursors({ key: inputKey, list: [...pageCursors, nextCursor] });
      },
    },
  };
}
