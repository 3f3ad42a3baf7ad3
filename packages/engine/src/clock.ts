import { bankDate } from "@creditseg/core/calendar";
import { readBankTimeZone } from "@creditseg/db";

/** The engine's clock: tests inject a fixed instant, production reads the system time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * The bank's business date (YYYY-MM-DD) now, in BANK_TIME_ZONE (default Asia/Shanghai): the "today" of policy
 * approval, override expiry and a run's as-of date. Never the database's `current_date`, whose zone is the server's.
 */
export function bankToday(clock: Clock = systemClock): string {
  return bankDate(clock(), readBankTimeZone());
}
