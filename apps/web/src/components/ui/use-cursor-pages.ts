"use client";

import { useQueries, useQuery, useQueryClient, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { MoreRows } from "./data-table";

/**
 * How long a list's pages count as fresh (ms): going back from a customer's page to the list it was opened from
 * (a drill-down) shows the rows already loaded, at the same scroll position, without asking the server again.
 */
export const LIST_STALE_MS = 5 * 60_000;

/** A page of a keyset-paged list, as the list procedures return it. */
export type CursorPage<TItem> = { items: TItem[]; nextCursor?: string | null; total?: number | null };

/**
 * Pages a list by keyset cursor: the first page, then one query per "load more". Changing the input (any
 * filter or sort, serialised as `inputKey`) starts again from the first page. The cursors of the pages loaded so
 * far are kept in the query cache beside the pages (not in component state), so a list left and come back to shows
 * every page it had. Not an infinite query, because tRPC adds its own `direction` to an infinite query's input,
 * which would clash with a list's sort direction.
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
  const queryClient = useQueryClient();
  // The first page's key names the procedure; inputKey its filters and sort.
  const cursorsKey = ["cursorPages", queryFor(null).queryKey, inputKey];
  const { data: pageCursors } = useQuery({
    queryKey: cursorsKey,
    queryFn: () => [] as string[],
    initialData: [] as string[],
    staleTime: Infinity,
  });
  const pages: UseQueryResult<TPage, TError>[] = useQueries({
    queries: [null, ...pageCursors].map((cursor) => ({
      staleTime: LIST_STALE_MS,
      ...queryFor(cursor),
      enabled: isEnabled,
    })),
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
        if (nextCursor !== null) queryClient.setQueryData<string[]>(cursorsKey, [...pageCursors, nextCursor]);
      },
    },
  };
}
