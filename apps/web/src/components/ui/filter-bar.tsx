"use client";

import { useTranslations } from "next-intl";
import type { FormEvent, ReactNode } from "react";

/**
 * A list's filters in one search landmark. With `onApply` the fields are a form applied together (Enter or
 * 应用); without it each field applies as it changes. `onClear` offers a way back to the unfiltered list.
 */
export function FilterBar({
  children,
  onApply,
  onClear,
}: {
  children: ReactNode;
  onApply?: (form: FormData) => void;
  onClear?: () => void;
}) {
  const t = useTranslations("common");
  const buttons = (
    <div className="row filter-actions">
      {onApply ? (
        <button type="submit" className="primary">
          {t("apply")}
        </button>
      ) : null}
      {onClear ? (
        <button type="button" onClick={onClear}>
          {t("clear")}
        </button>
      ) : null}
    </div>
  );
  if (!onApply) {
    return (
      <div className="panel filters" role="search" aria-label={t("filters")}>
        {children}
        {onClear ? buttons : null}
      </div>
    );
  }
  return (
    <form
      className="panel filters"
      role="search"
      aria-label={t("filters")}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onApply(new FormData(event.currentTarget));
      }}
    >
      {children}
      {buttons}
    </form>
  );
}
