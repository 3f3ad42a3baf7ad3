/** The run list's query input (the newest 100 runs), shared by the page's server prefetch and the view so both ask
 * for the same query. */
export const RUN_LIST_INPUT = { limit: 100 };
