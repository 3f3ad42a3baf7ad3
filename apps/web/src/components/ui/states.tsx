"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useErrorText, type ShownError } from "./error-text";

/** Placeholder rows while data loads: the layout keeps its shape, screen readers hear "loading". */
export function LoadingState({ rows = 4 }: { rows?: number }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{t("loading")}</span>
      <div className="skeleton-rows" aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="skeleton" />
        ))}
      </div>
    </div>
  );
}

/** A failed load: what happened, in the user's words, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: ShownError | null; onRetry?: () => void }) {
  const t = useTranslations("common");
  const errorText = useErrorText();
  // The server's message is its English sentence for operators; the reader sees the error's code in their language.
  const message = error ? errorText(error) : null;
  return (
    <div className="state error" role="alert">
      <h2>{t("errorTitle")}</h2>
      {message ? <p>{message}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}

/** Nothing to show yet, said plainly, with the next step when there is one. */
export function EmptyState({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="state">
      {title ? <h2>{title}</h2> : null}
      {children}
    </div>
  );
}

/** Renders a query's loading and error states, then its data. */
export function QueryView<T>({
  query,
  children,
  rows,
}: {
  query: { data: T | undefined; error: ShownError | null; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  rows?: number;
}) {
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <LoadingState rows={rows} />;
  return <>{children(query.data)}</>;
}
