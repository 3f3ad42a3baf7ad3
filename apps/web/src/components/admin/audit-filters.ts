import { TIME_ZONE } from "~/i18n/config";

/** What the audit page filters on: actions (codes), one actor (user id), a date range (days in the bank's zone). */
export type AuditFilters = { actions: string[]; actorId: string; fromDay: string; toDay: string };
export const NO_AUDIT_FILTERS: AuditFilters = { actions: [], actorId: "", fromDay: "", toDay: "" };

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
// Asia/Shanghai has no daylight saving: a day there is always UTC+8.
const OFFSET = TIME_ZONE === "Asia/Shanghai" ? "+08:00" : "Z";

/** The audit list's page size, shared by the page's server prefetch and the view. */
export const AUDIT_PAGE_SIZE = 100;

/** The audit list's query input: the range covers whole days, `from` at 00:00 and `to` through 23:59:59.999. */
export function toAuditListInput(filters: AuditFilters, limit: number) {
  return {
    ...(filters.actions.length ? { actions: filters.actions } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(DAY.test(filters.fromDay) ? { from: new Date(`${filters.fromDay}T00:00:00.000${OFFSET}`) } : {}),
    ...(DAY.test(filters.toDay) ? { to: new Date(`${filters.toDay}T23:59:59.999${OFFSET}`) } : {}),
    limit,
  };
}
