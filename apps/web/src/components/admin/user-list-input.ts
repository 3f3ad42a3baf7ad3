/** The user list's query input (every user of a bank's department fits one page), shared by the page's server
 * prefetch and the view so both ask for the same query. */
export const USER_LIST_INPUT = { limit: 200 };
