/** The override list's query input: the open queue by default, every request when `showAll`. Shared by the page's
 * server prefetch and the view, so both ask for the same query. */
export function overrideListInput(showAll: boolean) {
  return { ...(showAll ? {} : { statuses: ["proposed" as const] }), limit: 100 };
}
