// Dates in full, as Easy Read asks: "Tuesday 3 March 2026".
// Day and month names are fixed English words, so the result does not depend on the browser's locale.

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date: month is 1 to 12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Splits a "YYYY-MM-DD" string into a calendar date, or throws if it is not a real date. */
export function parseIsoDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new RangeError(`Not a YYYY-MM-DD date: "${value}"`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a real date: "${value}"`);
  }
  return { year, month, day };
}

/** The calendar date of an instant in a time zone (the runtime's own zone when none is given). */
export function calendarDateIn(instant: Date, timeZone?: string): CalendarDate {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError("Invalid date");
  }
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/**
 * Formats a date in full, for example "Tuesday 3 March 2026".
 * A string must be a plain "YYYY-MM-DD" calendar date; a Date is read in `timeZone`
 * (default: the runtime's own time zone).
 */
export function formatEasyReadDate(value: Date | string, timeZone?: string): string {
  const { year, month, day } = typeof value === "string" ? parseIsoDate(value) : calendarDateIn(value, timeZone);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}
