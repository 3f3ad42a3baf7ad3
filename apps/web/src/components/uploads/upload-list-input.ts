/** The batch history's page size (the newest 100 batches first), shared by the page's server prefetch and the view
 * so both ask for the same query. */
export const UPLOAD_LIST_INPUT = { limit: 100 };
