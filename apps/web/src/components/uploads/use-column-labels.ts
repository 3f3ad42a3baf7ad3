"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useCallback } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * A kind's columns and their names for the reader: the Chinese header (资产负债率) in Chinese, the canonical
 * header the templates use (debt_ratio) in English. A column the kind does not know (an unmapped source header)
 * shows as it is.
 */
export function useColumnLabels(kind: string | null | undefined) {
  const trpc = useTRPC();
  const locale = useLocale();
  const columns = useQuery({
    ...trpc.upload.columns.queryOptions({ kind: (kind ?? "customers") as "customers" }),
    enabled: Boolean(kind),
    staleTime: Infinity,
  });
  const label = useCallback(
    (column: string | null | undefined) => {
      if (!column) return "—";
      const found = columns.data?.find((c) => c.name === column);
      return found && locale !== "en" ? found.labelZh : column;
    },
    [columns.data, locale],
  );
  return { columns: columns.data ?? [], label };
}
