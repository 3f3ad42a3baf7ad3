// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { useCursorPages, type CursorPage } from "./use-cursor-pages";

const ROWS = Array.from({ length: 7 }, (_, index) => `row-${index + 1}`);
const PAGE_SIZE = 3;

/** A keyset-paged source over ROWS (the cursor is the last row shown), counting how often a page is asked for. */
function pagedSource() {
  const asked: (string | null)[] = [];
  const queryFor = (filter: string) => (cursor: string | null) => ({
    queryKey: ["rows", { filter, cursor }],
    queryFn: (): Promise<CursorPage<string>> => {
      asked.push(cursor);
      const start = cursor === null ? 0 : ROWS.indexOf(cursor) + 1;
      const items = ROWS.slice(start, start + PAGE_SIZE);
      const isLast = start + PAGE_SIZE >= ROWS.length;
      return Promise.resolve({ items, nextCursor: isLast ? null : items.at(-1)!, total: ROWS.length });
    },
  });
  return { asked, queryFor };
}

afterEach(cleanup);

describe("useCursorPages", () => {
  it("shows every page loaded before when the list is left and opened again, without asking for them again", async () => {
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const source = pagedSource();
    const useList = () => useCursorPages({ inputKey: "all", queryFor: source.queryFor("all") });

    const first = renderHook(useList, { wrapper });
    await waitFor(() => expect(first.result.current.items).toHaveLength(3));
    act(() => first.result.current.more.onLoadMore());
    await waitFor(() => expect(first.result.current.items).toHaveLength(6));
    first.unmount();

    const again = renderHook(useList, { wrapper });
    expect(again.result.current.items).toEqual(ROWS.slice(0, 6));
    expect(again.result.current.more).toMatchObject({ shown: 6, total: 7, hasMore: true });
    expect(source.asked).toEqual([null, "row-3"]);
  });

  it("starts again from the first page when the filters change", async () => {
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const source = pagedSource();
    const list = renderHook(
      ({ filter }: { filter: string }) => useCursorPages({ inputKey: filter, queryFor: source.queryFor(filter) }),
      { wrapper, initialProps: { filter: "a" } },
    );
    await waitFor(() => expect(list.result.current.items).toHaveLength(3));
    act(() => list.result.current.more.onLoadMore());
    await waitFor(() => expect(list.result.current.items).toHaveLength(6));

    list.rerender({ filter: "b" });
    await waitFor(() => expect(list.result.current.items).toEqual(ROWS.slice(0, 3)));
    expect(list.result.current.more.shown).toBe(3);
  });
});
