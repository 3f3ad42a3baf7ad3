"use client";

import { composeReason, type FormatReasonMessage } from "@creditseg/ingest/reasons";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useColumnLabels } from "./use-column-labels";

/** A reject as the API returns it: the reason's code and its parameters, never its words. */
export type RejectReason = { code: string; params: Record<string, unknown> };

/**
 * Renders a reject's reason in the reader's language from the catalogue ingest words it in (the same composition
 * the reject report and the CLI use), a column named by its label (资产负债率 for debt_ratio in Chinese).
 */
export function useRejectReason(kind: string | null | undefined) {
  const t = useTranslations("ingestReasons");
  const { label } = useColumnLabels(kind);
  return useCallback(
    (reject: RejectReason) => {
      // The keys composeReason asks for are those of the catalogue it was built with (see load-messages.ts).
      const format: FormatReasonMessage = (key, values) => t(key as Parameters<typeof t>[0], values);
      return composeReason(reject, { format, labelColumn: label });
    },
    [t, label],
  );
}
