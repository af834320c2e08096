/**
 * Deadlines are calendar dates in Vietnam time (UTC+7, no daylight saving): a revision stored at
 * 23:59:59.999 local time on the deadline is on time, one stored at 00:00 the next day is late.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant after the deadline (the next day's 00:00 in Vietnam), as epoch milliseconds. */
export function deadlineEndMs(deadline: string): number {
  return Date.parse(`${deadline}T00:00:00.000Z`) + DAY_MS - VIETNAM_OFFSET_MS;
}

/** Whether an instant (ISO time) is on or before the deadline; true when there is no deadline. */
export function onTime(at: string, deadline: string | null): boolean {
  return deadline === null || Date.parse(at) < deadlineEndMs(deadline);
}

/** The calendar date in Vietnam of an instant (ISO time), `YYYY-MM-DD`. */
export function vietnamDate(at: string): string {
  return new Date(Date.parse(at) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days (Vietnam calendar) from the deadline to the date of `at`: 0 when on time or without a deadline. */
export function daysLate(at: string, deadline: string | null): number {
  if (deadline === null || onTime(at, deadline)) return 0;
  return Math.round((Date.parse(`${vietnamDate(at)}T00:00:00.000Z`) - Date.parse(`${deadline}T00:00:00.000Z`)) / DAY_MS);
}
