"use client";

import { useTranslations } from "next-intl";

/**
 * What a failed call carries that the interface can render: a tRPC error (its `data.appCode`, and for invalid input
 * the fields at fault) or a route's refusal (`RouteRefusal`). The server's `message` is English for operators and
 * logs; the reader sees the code rendered in their language.
 */
export type ShownError = {
  message?: string;
  data?: {
    appCode?: string | null;
    params?: Record<string, string | number> | null;
    issues?: readonly { path: string }[] | null;
  } | null;
};

/** A refusal of one of the app's HTTP routes (`{ error: { code, params } }`), shaped like a tRPC error's data. */
export class RouteRefusal extends Error {
  readonly data: { appCode: string | null; params: Record<string, string | number> | null };
  constructor(appCode: string | null, params: Record<string, string | number> | null, message: string) {
    super(message);
    this.name = "RouteRefusal";
    this.data = { appCode, params };
  }
}

/** Renders a failed call in the reader's language: by its app code, else a plain "could not be completed". */
export function useErrorText(): (error: ShownError | null | undefined) => string {
  const t = useTranslations("errors");
  return (error) => {
    const data = error?.data;
    const code = data?.appCode;
    const fields = (data?.issues ?? []).map((issue) => issue.path).filter((path) => path !== "");
    if (code === "INVALID_INPUT" && fields.length > 0) return t("invalidFields", { fields: fields.join(", ") });
    if (code && t.has(code as "INTERNAL")) return t(code as "FILE_TOO_LARGE", { maxMb: "", ...data?.params });
    return error?.message === "network" ? t("network") : t("unknown");
  };
}
