/** A page's search parameters as Next passes them to a server component. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The same parameters as `useSearchParams()` reads them in the browser, so server and client parse them alike. */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return params;
}
